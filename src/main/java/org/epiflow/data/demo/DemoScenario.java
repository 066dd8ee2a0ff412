package org.epiflow.data.demo;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.bundle.MinimisationException;
import org.epiflow.bundle.MinimisationReport;
import org.epiflow.bundle.Minimiser;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo scenario in memory: what the carrier publishes (the minimised {@link AggregateDataset}, k =
 * {@value #K}), what the bureau's surveillance reports (cases), and the hidden truth (the true trips and the true
 * infections). Everything but the bundle's id and dates is a deterministic function of the seed, on every
 * platform: the models use {@link StrictMath} and {@link SplittableRandom}.
 *
 * @param seed       the seed it was generated from
 * @param dataset    the published aggregate tables: regions, flows (cells below k suppressed), residents
 * @param report     what minimisation suppressed
 * @param mobility   the true, unsuppressed trips and residents (hidden: never written as plaintext)
 * @param parameters the epidemic's parameters
 * @param infections true new infections per day and region (hidden truth)
 * @param cases      reported new cases per day and region
 */
public record DemoScenario(long seed, AggregateDataset dataset, MinimisationReport report, Mobility mobility,
                           EpidemicParameters parameters, DailyCounts infections, DailyCounts cases) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20200125L;
    /** Suppression threshold of the demo bundle. */
    public static final int K = 10;
    /** Issuer named in the demo bundle. */
    public static final String ISSUER = "EpiFlow Demo Carrier (synthetic data)";
    /** Years from creation until the demo bundle expires. */
    public static final int VALID_YEARS = 5;

    /** Generates the scenario, dated now. */
    public static DemoScenario generate(long seed) {
        return generate(seed, Instant.now());
    }

    /**
     * Generates the scenario.
     *
     * @param created the bundle's creation time; it expires {@value #VALID_YEARS} years after (UTC day)
     */
    public static DemoScenario generate(long seed, Instant created) {
        return generate(seed, created, EpidemicParameters.defaults());
    }

    public static DemoScenario generate(long seed, Instant created, EpidemicParameters parameters) {
        RegionTable regions = DemoRegions.load();
        Period period = DemoCalendar.period();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom tripsRandom = root.split();
        SplittableRandom epidemicRandom = root.split();
        MobilityModel model = MobilityModel.build(regions);
        Mobility mobility = Mobility.generate(model, period, tripsRandom);
        Epidemic.Result epidemic = Epidemic.simulate(mobility, parameters, epidemicRandom);

        Minimiser.Cells flows = Minimiser.Cells.flows("demo flows");
        Minimiser.Cells residents = Minimiser.Cells.residents("demo residents");
        for (int d = 0; d < mobility.days(); d++) {
            LocalDate day = period.day(d);
            for (int p = 0; p < model.pairCount(); p++) {
                int t = mobility.trips(d, p);
                if (t > 0) {
                    flows.addFlow(day, model.origin(p), model.destination(p), t);
                }
            }
            for (int i = 0; i < regions.size(); i++) {
                long r = mobility.residents(d, i);
                if (r > 0) {
                    residents.addResidents(day, i, (int) Math.min(Integer.MAX_VALUE, r));
                }
            }
        }
        Minimiser.Result min;
        try {
            min = Minimiser.minimise(regions, flows, residents, K, 1);
        } catch (MinimisationException e) {
            throw new IllegalStateException("the demo's own tables were refused: " + e.getMessage(), e);
        }
        Instant at = created.truncatedTo(ChronoUnit.SECONDS);
        LocalDate expires = LocalDate.ofInstant(at, ZoneOffset.UTC).plusYears(VALID_YEARS);
        BundleInfo info = new BundleInfo("demo-" + seed + "-" + at.getEpochSecond(), ISSUER, at, min.period(), "day",
                "prefecture", List.of("trips", "residents"), K, 1, BundleManifest.PURPOSE, expires);
        AggregateDataset dataset = new AggregateDataset(info, min.regions(), min.flows(), min.residents());
        return new DemoScenario(seed, dataset, min.report(), mobility, parameters, epidemic.infections(),
                epidemic.cases());
    }

    /** The region where the epidemic starts. */
    public Region seedRegion() {
        return dataset.regions().byCode(parameters.seedRegion()).orElseThrow();
    }

    /** The headline figures. */
    public DemoFigures figures() {
        return DemoFigures.of(this);
    }
}
