package org.epiflow.analytics.seir;

/**
 * One simulated epidemic: new infections and infectious people per simulation day and region
 * ({@code [s * regions + i]}, s = 0 is bundle day {@link #startDay()}), and the total population S+E+I+R at the end
 * of every day.
 *
 * @param imports infected (E or I) travellers arriving, {@code imports[destination][origin]} summed over the run,
 *                or null when not tracked
 */
public record SeirRun(int startDay, int days, int regions, double[] incidence, double[] infectious,
                      double[] totalPopulation, double[][] imports) {

    /** Cumulative infections in {@code region} up to and including simulation day {@code s}. */
    public double cumulative(int s, int region) {
        double c = 0;
        for (int d = 0; d <= s; d++) {
            c += incidence[d * regions + region];
        }
        return c;
    }

    /** Cumulative infections per region at the end of the run. */
    public double[] finalCumulative() {
        double[] c = new double[regions];
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < regions; i++) {
                c[i] += incidence[d * regions + i];
            }
        }
        return c;
    }

    /** First simulation day on which cumulative infections in {@code region} reach {@code threshold}, or -1. */
    public int arrivalDay(int region, double threshold) {
        double c = 0;
        for (int d = 0; d < days; d++) {
            c += incidence[d * regions + region];
            if (c >= threshold) {
                return d;
            }
        }
        return -1;
    }

    /** Simulation day of the largest daily incidence in {@code region}, or -1 when there is none. */
    public int peakDay(int region) {
        int best = -1;
        double max = 0;
        for (int d = 0; d < days; d++) {
            if (incidence[d * regions + region] > max) {
                max = incidence[d * regions + region];
                best = d;
            }
        }
        return best;
    }
}
