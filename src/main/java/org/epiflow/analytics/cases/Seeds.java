package org.epiflow.analytics.cases;

import org.epiflow.analytics.RiskModelException;
import org.epiflow.model.RegionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Infectious people typed by hand: {@code CODE=COUNT} or {@code CODE=PERCENT%} of the region's population, e.g.
 * {@code 420100=5000} or {@code 420100=0.05%}. Used in place of case data by the importation and SEIR models.
 */
public final class Seeds {
    /**
     * One seed.
     *
     * @param region     index in the region table
     * @param infectious infectious people there (count), or NaN when given as a share
     * @param share      share of the population infectious (0..1), or NaN when given as a count
     */
    public record Seed(int region, double infectious, double share) {
        /** Infectious people given the region's population. */
        public double infectious(double population) {
            return Double.isNaN(share) ? infectious : share * population;
        }
    }

    private Seeds() {
    }

    /** Parses {@code CODE=VALUE} items; throws {@link RiskModelException} naming the bad item. */
    public static List<Seed> parse(List<String> items, RegionTable regions) {
        List<Seed> out = new ArrayList<>();
        for (String raw : items) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw RiskModelException.of("analytics.seed.format", raw);
            }
            String code = item.substring(0, eq).trim();
            String v = item.substring(eq + 1).trim();
            int region = regions.indexOf(code);
            if (region < 0) {
                throw RiskModelException.of("analytics.seed.region", raw, code);
            }
            boolean percent = v.endsWith("%");
            double x;
            try {
                x = Double.parseDouble(percent ? v.substring(0, v.length() - 1) : v);
            } catch (NumberFormatException e) {
                throw RiskModelException.of("analytics.seed.number", raw, v);
            }
            if (!(x >= 0) || Double.isInfinite(x) || (percent && x > 100)) {
                throw RiskModelException.of("analytics.seed.range", raw);
            }
            out.add(percent ? new Seed(region, Double.NaN, x / 100) : new Seed(region, x, Double.NaN));
        }
        return out;
    }

    /** Infectious people per region (index = region) from {@code seeds} and populations. */
    public static double[] infectious(List<Seed> seeds, double[] population) {
        double[] out = new double[population.length];
        for (Seed s : seeds) {
            out[s.region()] += s.infectious(population[s.region()]);
        }
        return out;
    }

    /** Human-readable form, for summaries. */
    public static String describe(List<Seed> seeds, RegionTable regions) {
        List<String> parts = new ArrayList<>();
        for (Seed s : seeds) {
            parts.add(regions.get(s.region()).code() + "=" + (Double.isNaN(s.share())
                    ? String.format(Locale.ROOT, "%.0f", s.infectious())
                    : String.format(Locale.ROOT, "%.4g%%", 100 * s.share())));
        }
        return String.join(",", parts);
    }
}
