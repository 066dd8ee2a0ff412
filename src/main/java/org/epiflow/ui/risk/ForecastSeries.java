package org.epiflow.ui.risk;

import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirForecast;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A region's SEIR forecast of cumulative infections per day: quantiles of the ensemble (or the deterministic run in
 * all five when there is no ensemble), the deterministic run itself, and the observed cumulative reported cases.
 *
 * @param expected the deterministic run's cumulative infections (the table's "expected infections")
 * @param observed cumulative reported cases per day (NaN after the case data ends), or null without cases
 * @param asOf     index of the as-of day in the series
 */
public record ForecastSeries(String code, String name, LocalDate start, double[] p05, double[] p25, double[] median,
                             double[] p75, double[] p95, double[] expected, double[] observed, int asOf) {
    public int days() {
        return median.length;
    }

    public LocalDate date(int i) {
        return start.plusDays(i);
    }

    /** The SEIR forecast of one region of a run (null when the run is not a SEIR forecast). */
    public static ForecastSeries of(RiskRun r, String code, String name) {
        SeirForecast.Outcome f = r.forecast();
        int region = r.data().regions().indexOf(code);
        if (f == null || region < 0) {
            return null;
        }
        int days = f.deterministic().days();
        double[][] q = new double[5][days];
        double[] det = new double[days];
        SeirEnsemble e = f.ensemble();
        double run = 0;
        int n = f.deterministic().regions();
        for (int d = 0; d < days; d++) {
            run += f.deterministic().incidence()[d * n + region];
            det[d] = run;
            for (int l = 0; l < 5; l++) {
                q[l][d] = e != null ? e.quantile(l, d, region) : run;
            }
        }
        int start = f.deterministic().startDay();
        double[] obs = null;
        if (r.cases() != null) {
            obs = new double[days];
            Arrays.fill(obs, Double.NaN);
            long sum = 0;
            for (int d = 0; d < start; d++) {
                sum += r.cases().daily(d, region);
            }
            int end = Math.min(r.cases().lastReportedDay(), r.window().asOfDay());
            for (int d = 0; d < days && start + d <= end && start + d < r.cases().days(); d++) {
                sum += r.cases().daily(start + d, region);
                obs[d] = sum;
            }
        }
        LocalDate s = r.data().info().period().day(start);
        return new ForecastSeries(code, name, s, q[0], q[1], q[2], q[3], q[4], det, obs,
                r.window().asOfDay() - start);
    }
}
