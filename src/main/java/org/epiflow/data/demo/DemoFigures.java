package org.epiflow.data.demo;

/**
 * The headline figures of a generated demo, for the CLI and the first-run message.
 *
 * @param regions          regions in the bundle
 * @param days             days covered
 * @param publishedCells   flow cells published (each at least k trips)
 * @param suppressedCells  flow cells withheld because they were below k
 * @param publishedTrips   trips in the published cells
 * @param suppressedTrips  trips in the withheld cells
 * @param residentCells    resident cells published
 * @param reportedCases    reported cases over the period
 * @param infections       true infections over the period (hidden truth)
 * @param seedRegionCode   where the epidemic starts
 * @param seedRegionName   its English name
 */
public record DemoFigures(int regions, int days, int publishedCells, long suppressedCells, long publishedTrips,
                          long suppressedTrips, int residentCells, long reportedCases, long infections,
                          String seedRegionCode, String seedRegionName) {

    static DemoFigures of(DemoScenario s) {
        return new DemoFigures(s.dataset().regions().size(), s.dataset().info().period().days(),
                s.dataset().flows().rowCount(), s.report().flowCellsSuppressed(), s.dataset().flows().totalTrips(),
                s.report().tripsSuppressed(), s.dataset().residents().map(r -> r.rowCount()).orElse(0),
                s.cases().total(), s.infections().total(), s.seedRegion().code(), s.seedRegion().nameEn());
    }
}
