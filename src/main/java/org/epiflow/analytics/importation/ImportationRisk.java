package org.epiflow.analytics.importation;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.Drivers;
import org.epiflow.analytics.Populations;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importation risk after Du et al. (2020): for destination j,
 * {@code λ_j = Σ_t Σ_{i≠j} M_ij(t) · I_i(t) / N_i} expected infected arrivals over the window and
 * {@code p_j = 1 − exp(−λ_j)} the probability of at least one (arrivals as a Poisson process). With
 * {@code bothDirections}, trips j→i add {@code M_ji(t) · I_i(t) / N_i} (residents of j exposed in i who return).
 */
public final class ImportationRisk {
    /** The model's name in results. */
    public static final String MODEL = "importation";

    private ImportationRisk() {
    }

    /** Risk from reported cases: I_i(t) = cases of the last {@code infectiousWindow} days / ascertainment. */
    public static RiskResult fromCases(AggregateDataset data, CaseTable cases, ImportationParameters p) {
        double[] prevalence = cases.prevalence(p.infectiousWindow(), p.ascertainment());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("infected", "reported cases of the last " + p.infectiousWindow() + " days / ascertainment "
                + p.ascertainment());
        return compute(data, prevalence, cases.cumulativeThrough(p.toDay()), p, about);
    }

    /** Risk from hand-typed seeds, infectious on every day of the window. */
    public static RiskResult fromSeeds(AggregateDataset data, List<Seeds.Seed> seeds, ImportationParameters p) {
        int n = data.regions().size();
        int days = data.info().period().days();
        double[] each = Seeds.infectious(seeds, Populations.of(data, p.fromDay(), p.toDay() + 1));
        double[] prevalence = new double[days * n];
        for (int d = 0; d < days; d++) {
            System.arraycopy(each, 0, prevalence, d * n, n);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("infected", "seeds " + Seeds.describe(seeds, data.regions()) + " on every day of the window");
        return compute(data, prevalence, null, p, about);
    }

    /**
     * The model on an explicit prevalence.
     *
     * @param prevalence infectious people {@code [day * n + region]} over the bundle's period
     * @param localCases cumulative reported cases per region at the end of the window, or null
     */
    public static RiskResult compute(AggregateDataset data, double[] prevalence, long[] localCases,
                                     ImportationParameters p, Map<String, Object> about) {
        int n = data.regions().size();
        Period period = data.info().period();
        if (p.toDay() >= period.days()) {
            throw new IllegalArgumentException("the window ends after the bundle's period (" + period + ")");
        }
        double[] pop = Populations.of(data, p.fromDay(), p.toDay() + 1);
        int[] sourceSlot = new int[n];
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sourceSlot[i] = -1;
            for (int d = p.fromDay(); d <= p.toDay(); d++) {
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
        FlowTable f = data.flows();
        for (int d = p.fromDay(); d <= p.toDay(); d++) {
            int base = d * n;
            for (int r = f.firstRow(d); r < f.endRow(d); r++) {
                int o = f.origin(r);
                int t = f.destination(r);
                if (o == t) {
                    continue;
                }
                int trips = f.trips(r);
                if (sourceSlot[o] >= 0) {
                    double x = trips * prevalence[base + o] / pop[o];
                    lambda[t] += x;
                    contrib[sourceSlot[o]][t] += x;
                    inboundTrips[t] += trips;
                }
                if (p.bothDirections() && sourceSlot[t] >= 0) {
                    double x = trips * prevalence[base + t] / pop[t];
                    lambda[o] += x;
                    contrib[sourceSlot[t]][o] += x;
                }
            }
        }
        List<Column> columns = List.of(
                Column.of("import_probability", "probability of at least one imported infection in the window, "
                        + "1 − exp(−expected)"),
                Column.of("expected_imported", "expected infected arrivals over the window"),
                Column.of("imported_per_100k", "expected infected arrivals per 100,000 residents"),
                Column.trips("trips_from_infected_regions", "trips arriving from regions with infections, summed "
                        + "over the window"),
                Column.of("local_cases", "reported cases in the region up to the end of the window"),
                Column.of("population", "residents N used as denominator"));
        List<RiskRow> rows = new ArrayList<>(n);
        double[] share = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            double prob = -Math.expm1(-lambda[j]);
            double per100k = pop[j] > 0 ? lambda[j] / pop[j] * 1e5 : Double.NaN;
            for (int s = 0; s < sources.size(); s++) {
                share[sources.get(s)] = contrib[s][j];
            }
            double local = localCases == null ? Double.NaN : localCases[j];
            rows.add(new RiskRow(j, data.regions().get(j).code(), Drivers.name(data.regions(), j), lambda[j],
                    new double[]{prob, lambda[j], per100k, inboundTrips[j], local, pop[j]}, "",
                    Drivers.top(data.regions(), share, Drivers.TOP)));
            for (int s : sources) {
                share[s] = 0;
            }
            total += lambda[j];
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", period.day(p.fromDay()).toString());
        summary.put("to", period.day(p.toDay()).toString());
        summary.put("bothDirections", p.bothDirections());
        summary.putAll(about);
        summary.put("sourceRegions", sources.size());
        summary.put("expectedImportedTotal", total);
        return new RiskResult(MODEL, columns, rows, summary, data.info().k());
    }
}
