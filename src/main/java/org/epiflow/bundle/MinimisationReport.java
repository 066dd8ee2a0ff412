package org.epiflow.bundle;

/**
 * What minimisation did to the carrier's tables before sealing.
 *
 * @param k                      suppression threshold applied
 * @param roundingBase           rounding base applied (1 = none)
 * @param flowCellsIn            flow cells in the input
 * @param flowCellsSuppressed    flow cells not published because their count was below k (before or after rounding)
 * @param tripsSuppressed        trips in those cells
 * @param residentCellsIn        resident cells in the input
 * @param residentCellsSuppressed resident cells not published
 */
public record MinimisationReport(int k, int roundingBase, long flowCellsIn, long flowCellsSuppressed,
                                 long tripsSuppressed, long residentCellsIn, long residentCellsSuppressed) {

    /** A few lines for the carrier's operator. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Suppression threshold k = %d, rounding to multiples of %d%n", k, roundingBase));
        sb.append(String.format("Flows: %,d cells in, %,d suppressed (%.2f%%), %,d trips withheld%n", flowCellsIn,
                flowCellsSuppressed, percent(flowCellsSuppressed, flowCellsIn), tripsSuppressed));
        if (residentCellsIn > 0) {
            sb.append(String.format("Residents: %,d cells in, %,d suppressed (%.2f%%)%n", residentCellsIn,
                    residentCellsSuppressed, percent(residentCellsSuppressed, residentCellsIn)));
        }
        return sb.toString();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
