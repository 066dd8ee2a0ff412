package org.epiflow.analytics.importation;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.Drivers;
import org.epiflow.analytics.Populations;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Nowcast;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.analytics.stats.Ranks;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Importation risk after Du et al. (2020): for destination j,
 * {@code λ_j = Σ_t Σ_{i≠j} M_ij(t) · I_i(t) / N_i} expected infected arrivals over the window and
 * {@code p_j = 1 − exp(−λ_j)} the probability of at least one (arrivals as a Poisson process). With
 * {@code bothDirections}, trips j→i add {@code M_ji(t) · I_i(t) / N_i} (residents of j exposed in i who return).
 *
 * <p>From case reports, I_i(t) is the infections of the last w days, nowcast from the reports through the
 * reporting delay ({@link Nowcast}). The 95 % intervals of λ_j and p_j come from {@value #DRAWS} bootstrap
 * replicates of the nowcast ({@link Sampler}); typed seeds are taken as exact.
 *
 * <p>A region that received no published trip at all in the window (every cell below the bundle's k, or none) has
 * no figure and the flag {@value #SUPPRESSED}: its risk is unknown, not 0.
 */
public final class ImportationRisk {
    /** The model's name in results. */
    public static final String MODEL = "importation";
    /** Flag of a region none of whose trips were published. */
    public static final String SUPPRESSED = "trips-suppressed";
    /** Monte Carlo draws behind the intervals. */
    public static final int DRAWS = 200;
    /** Interval level. */
    public static final double LEVEL = 0.95;

    /** The figures of every row, in order. */
    public static final List<Column> COLUMNS = List.of(
            Column.of("import_probability", "probability of at least one imported infection in the window, "
                    + "1 − exp(−expected)").rollUp(RollUp.PROBABILITY).digits(4),
            Column.of("expected_imported", "expected infected arrivals over the window"),
            Column.of("imported_per_100k", "expected infected arrivals per 100,000 residents")
                    .rollUp(RollUp.rate("expected_imported", "population", 1e5)),
            Column.trips("trips_from_infected_regions", "trips arriving from regions with infections on the day of "
                    + "the trip, summed over the window").neutral(),
            Column.of("local_cases", "reported cases in the region up to the as-of day").neutral(),
            Column.of("population", "residents N used as denominator").neutral()
                    .quantity(Column.Quantity.POPULATION),
            Column.of("expected_imported_lower", "expected infected arrivals, lower bound of the 95 % interval"),
            Column.of("expected_imported_upper", "expected infected arrivals, upper bound of the 95 % interval"),
            Column.of("import_probability_lower", "probability of an imported infection, lower bound of the 95 % "
                    + "interval").rollUp(RollUp.PROBABILITY).digits(4),
            Column.of("import_probability_upper", "probability of an imported infection, upper bound of the 95 % "
                    + "interval").rollUp(RollUp.PROBABILITY).digits(4),
            Column.of("no_import_probability", "probability of no imported infection, exp(−expected) (exact where "
                    + "import_probability rounds to 1)").rollUp(RollUp.PRODUCT).lowerIsExposed().digits(4));

    private ImportationRisk() {
    }

    /** Risk from reported cases, nowcast through the reporting delay. */
    public static RiskResult fromCases(AggregateDataset data, CaseTable cases, DayWindow w, ImportationParameters p) {
        Nowcast.Estimate est = Nowcast.of(cases, p.delay(), p.ascertainment(), w.asOfDay());
        double[] pool = est.pool(p.infectiousWindow());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("infected", "infections of the last " + p.infectiousWindow() + " days, nowcast from reports "
                + "(delay " + p.delay().describe() + ") / ascertainment " + p.ascertainment());
        about.put("reportDelay", p.delay().mean());
        about.put("reportDelaySd", p.delay().sd());
        Sampler s = new Sampler(est, p.ascertainment(), p.infectiousWindow());
        return compute(data, pool, s, cases.cumulativeThrough(w.asOfDay()), w, p, about);
    }

    /** Risk from hand-typed seeds, infectious on every day of the window. */
    public static RiskResult fromSeeds(AggregateDataset data, List<Seeds.Seed> seeds, DayWindow w,
                                       ImportationParameters p) {
        int n = data.regions().size();
        int days = data.info().period().days();
        double[] each = Seeds.infectious(seeds, Populations.of(data, w.fromDay(), w.toDay() + 1));
        double[] prevalence = new double[days * n];
        for (int d = 0; d < days; d++) {
            System.arraycopy(each, 0, prevalence, d * n, n);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("infected", "seeds " + Seeds.describe(seeds, data.regions()) + " on every day of the window");
        return compute(data, prevalence, null, null, w, p, about);
    }

    /**
     * The model on an explicit prevalence.
     *
     * @param prevalence infected people {@code [day * n + region]} over the bundle's period
     * @param sampler    draws of the prevalence for the intervals, or null when it is exact
     * @param localCases cumulative reported cases per region at the as-of day, or null
     */
    public static RiskResult compute(AggregateDataset data, double[] prevalence, Sampler sampler, long[] localCases,
                                     DayWindow w, ImportationParameters p, Map<String, Object> about) {
        int n = data.regions().size();
        Period period = data.info().period();
        if (w.toDay() >= period.days()) {
            throw new IllegalArgumentException("the window ends after the bundle's period (" + period + ")");
        }
        double[] pop = Populations.of(data, w.fromDay(), w.toDay() + 1);
        int[] sourceSlot = new int[n];
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sourceSlot[i] = -1;
            for (int d = w.fromDay(); d <= w.toDay(); d++) {
                if (prevalence[d * n + i] > 0 && pop[i] > 0) {
                    sourceSlot[i] = sources.size();
                    sources.add(i);
                    break;
                }
            }
        }
        double[][] contrib = new double[sources.size()][n];
        double[] lambda = new double[n];
        double[] inboundTrips = new double[n];
        boolean[] published = new boolean[n];
        Exposures exp = new Exposures();
        FlowTable f = data.flows();
        for (int d = w.fromDay(); d <= w.toDay(); d++) {
            int base = d * n;
            for (int r = f.firstRow(d); r < f.endRow(d); r++) {
                int o = f.origin(r);
                int t = f.destination(r);
                if (o == t) {
                    continue;
                }
                published[t] = true;
                if (p.bothDirections()) {
                    published[o] = true;
                }
                int trips = f.trips(r);
                if (sourceSlot[o] >= 0 && prevalence[base + o] > 0) {
                    double x = trips * prevalence[base + o] / pop[o];
                    lambda[t] += x;
                    contrib[sourceSlot[o]][t] += x;
                    inboundTrips[t] += trips;
                    exp.add(d, o, t, trips / pop[o]);
                }
                if (p.bothDirections() && sourceSlot[t] >= 0 && prevalence[base + t] > 0) {
                    double x = trips * prevalence[base + t] / pop[t];
                    lambda[o] += x;
                    contrib[sourceSlot[t]][o] += x;
                    exp.add(d, t, o, trips / pop[t]);
                }
            }
        }
        double[][] bounds = sampler == null ? new double[][]{lambda, lambda}
                : sampler.bounds(exp, n, w, LEVEL);
        List<RiskRow> rows = new ArrayList<>(n);
        double[] share = new double[n];
        double total = 0;
        int suppressed = 0;
        for (int j = 0; j < n; j++) {
            double local = localCases == null ? Double.NaN : localCases[j];
            if (!published[j]) {
                suppressed++;
                double[] v = new double[COLUMNS.size()];
                Arrays.fill(v, Double.NaN);
                v[4] = local;
                v[5] = pop[j];
                rows.add(new RiskRow(j, data.regions().get(j).code(), Drivers.name(data.regions(), j), Double.NaN, v,
                        SUPPRESSED, List.of()));
                continue;
            }
            double prob = -Math.expm1(-lambda[j]);
            double per100k = pop[j] > 0 ? lambda[j] / pop[j] * 1e5 : Double.NaN;
            for (int s = 0; s < sources.size(); s++) {
                share[sources.get(s)] = contrib[s][j];
            }
            double lo = bounds[0][j];
            double hi = bounds[1][j];
            rows.add(new RiskRow(j, data.regions().get(j).code(), Drivers.name(data.regions(), j), lambda[j],
                    new double[]{prob, lambda[j], per100k, inboundTrips[j], local, pop[j], lo, hi,
                        -Math.expm1(-lo), -Math.expm1(-hi), Math.exp(-lambda[j])}, "",
                    Drivers.top(data.regions(), share, Drivers.TOP)));
            for (int s : sources) {
                share[s] = 0;
            }
            total += lambda[j];
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", period.day(w.fromDay()).toString());
        summary.put("to", period.day(w.toDay()).toString());
        summary.put("asOf", period.day(w.asOfDay()).toString());
        summary.put("bothDirections", p.bothDirections());
        summary.put("infectiousWindow", p.infectiousWindow());
        summary.put("ascertainment", p.ascertainment());
        summary.putAll(about);
        summary.put("sourceRegions", sources.size());
        summary.put("regionsWithoutPublishedTrips", suppressed);
        summary.put("expectedImportedTotal", total);
        summary.put("intervalLevel", LEVEL);
        summary.put("intervalDraws", sampler == null ? 0 : DRAWS);
        List<Message> inputs = List.of(
                Message.of("analytics.inputs.travel", period.day(w.fromDay()).toString(),
                        period.day(w.toDay()).toString()),
                Message.of("analytics.inputs.asOf", period.day(w.asOfDay()).toString()),
                Message.of("analytics.inputs.importation", p.infectiousWindow(),
                        org.epiflow.analytics.ParameterSpec.text(p.ascertainment()),
                        org.epiflow.analytics.ParameterSpec.text(p.delay().mean()),
                        org.epiflow.analytics.ParameterSpec.text(p.delay().sd()),
                        p.bothDirections() ? 1 : 0));
        return new RiskResult(MODEL, COLUMNS, rows, summary, data.info().k(), inputs);
    }

    /** Trips along which infected people travel: (day, source, destination, trips / N_source). */
    static final class Exposures {
        int size;
        int[] day = new int[256];
        int[] origin = new int[256];
        int[] destination = new int[256];
        double[] weight = new double[256];

        void add(int d, int o, int t, double wgt) {
            if (size == day.length) {
                day = Arrays.copyOf(day, size * 2);
                origin = Arrays.copyOf(origin, size * 2);
                destination = Arrays.copyOf(destination, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
            }
            day[size] = d;
            origin[size] = o;
            destination[size] = t;
            weight[size] = wgt;
            size++;
        }
    }

    /**
     * Parametric bootstrap replicates of the infections behind a nowcast ({@link Nowcast.Estimate#replicate}): the
     * days estimated from reports are redrawn with their Poisson reporting noise and the trend of the recent days is
     * refitted to them. Each replicate's infected pools give λ; the bounds are its quantiles.
     */
    public static final class Sampler {
        private final Nowcast.Estimate est;
        private final double ascertainment;
        private final int window;

        Sampler(Nowcast.Estimate est, double ascertainment, int window) {
            this.est = est;
            this.ascertainment = ascertainment;
            this.window = window;
        }

        double[][] bounds(Exposures e, int n, DayWindow w, double level) {
            boolean[] src = new boolean[n];
            for (int k = 0; k < e.size; k++) {
                src[e.origin[k]] = true;
            }
            int[] srcList = IntStream.range(0, n).filter(i -> src[i]).toArray();
            int first = Math.max(0, w.fromDay() - window + 1);
            int last = Math.min(w.toDay(), est.asOfDay());
            int span = Math.max(0, last - first + 1);
            SplittableRandom root = new SplittableRandom(0x5eedL);
            SplittableRandom[] streams = new SplittableRandom[DRAWS];
            for (int r = 0; r < DRAWS; r++) {
                streams[r] = root.split();
            }
            int[] slot = new int[n];
            Arrays.fill(slot, -1);
            for (int s = 0; s < srcList.length; s++) {
                slot[srcList[s]] = s;
            }
            double[][] lambda = new double[DRAWS][];
            IntStream.range(0, DRAWS).parallel().forEach(r -> {
                SplittableRandom rnd = streams[r];
                double[][] x = est.replicate(srcList, rnd);
                double[][] pool = new double[srcList.length][span];
                for (int s = 0; s < srcList.length; s++) {
                    double run = 0;
                    int from = Math.max(0, first - window);
                    for (int d = from; d <= last; d++) {
                        run += x[s][d];
                        if (d - window >= from) {
                            run -= x[s][d - window];
                        }
                        if (d >= first) {
                            pool[s][d - first] = Math.max(0, run);
                        }
                    }
                }
                double[] lam = new double[n];
                for (int k = 0; k < e.size; k++) {
                    int d = e.day[k] - first;
                    if (d >= 0 && d < span) {
                        lam[e.destination[k]] += e.weight[k] * pool[slot[e.origin[k]]][d];
                    }
                }
                lambda[r] = lam;
            });

            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] v = new double[DRAWS];
            double a = (1 - level) / 2;
            for (int j = 0; j < n; j++) {
                for (int r = 0; r < DRAWS; r++) {
                    v[r] = lambda[r][j];
                }
                Arrays.sort(v);
                lo[j] = Ranks.quantileSorted(v, DRAWS, a);
                hi[j] = Ranks.quantileSorted(v, DRAWS, 1 - a);
            }
            return new double[][]{lo, hi};
        }
    }
}
