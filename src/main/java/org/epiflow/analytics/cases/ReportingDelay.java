package org.epiflow.analytics.cases;

import org.epiflow.analytics.ParameterSpec;

/**
 * Days from infection to report: a fixed delay ({@code sd = 0}) or a gamma distribution with the given mean and
 * standard deviation, taken at whole days 1, 2, … (density at each day, renormalised; the same discretisation as the
 * demo's reporting).
 *
 * @param mean mean delay, days (0 = reported the day of infection)
 * @param sd   standard deviation, days (0 = every report exactly {@code round(mean)} days after infection)
 */
public record ReportingDelay(double mean, double sd) {
    /** {@code --report-delay}: mean days from infection to report. */
    public static final ParameterSpec MEAN = ParameterSpec.number("reportDelay", 0, 60, 0);
    /** {@code --report-delay-sd}: spread of that delay. */
    public static final ParameterSpec SD = ParameterSpec.number("reportDelaySd", 0, 30, 0);
    /** No delay. */
    public static final ReportingDelay NONE = new ReportingDelay(0, 0);
    /** The longest delay considered, days. */
    public static final int MAX_DAYS = 120;

    public ReportingDelay {
        if (!MEAN.accepts(mean) || !SD.accepts(sd)) {
            throw new IllegalArgumentException("delay mean in [0, 60] and sd in [0, 30] days: " + mean + ", " + sd);
        }
    }

    /** A fixed delay of {@code days}. */
    public static ReportingDelay fixed(double days) {
        return new ReportingDelay(days, 0);
    }

    /** True when every report comes a fixed number of days after infection. */
    public boolean isFixed() {
        return sd == 0 || mean == 0;
    }

    /** P(delay = d) for d = 0 … length − 1. */
    public double[] pmf() {
        if (isFixed()) {
            int d = (int) Math.round(mean);
            double[] p = new double[d + 1];
            p[d] = 1;
            return p;
        }
        double shape = (mean / sd) * (mean / sd);
        double scale = sd * sd / mean;
        int max = (int) Math.min(MAX_DAYS, Math.ceil(mean + 5 * sd));
        double[] p = new double[max + 1];
        double sum = 0;
        for (int d = 1; d <= max; d++) {
            p[d] = StrictMath.exp((shape - 1) * StrictMath.log(d) - d / scale);
            sum += p[d];
        }
        for (int d = 0; d <= max; d++) {
            p[d] /= sum;
        }
        return p;
    }

    /** Short English form for summaries: {@code 10 days} or {@code gamma mean 10, sd 4 days}. */
    public String describe() {
        return isFixed() ? ParameterSpec.text(Math.round(mean)) + " days"
                : "gamma mean " + ParameterSpec.text(mean) + ", sd " + ParameterSpec.text(sd) + " days";
    }
}
