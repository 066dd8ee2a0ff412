package org.epiflow.analytics;

import java.util.Arrays;
import java.util.List;

/**
 * One region's figures in a {@link RiskResult}.
 *
 * @param region  index in the bundle's region table
 * @param code    region code
 * @param name    region name (English when present, else local)
 * @param risk    the value the rows are sorted by: higher means more exposed (for effective distance, minus the
 *                distance); NaN sorts last
 * @param values  one value per {@link RiskResult#columns()}; NaN where the model has no figure
 * @param flag    a short verdict (e.g. {@code local-transmission}), or the empty string
 * @param drivers the top source regions and their share of the risk, largest first
 */
public record RiskRow(int region, String code, String name, double risk, double[] values, String flag,
                      List<Driver> drivers) {
    public RiskRow {
        values = values.clone();
        drivers = List.copyOf(drivers);
        flag = flag == null ? "" : flag;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of column {@code i}. */
    public double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskRow r && r.region == region && Arrays.equals(r.values, values)
                && Double.compare(r.risk, risk) == 0 && r.flag.equals(flag) && r.drivers.equals(drivers);
    }

    @Override
    public int hashCode() {
        return region * 31 + Arrays.hashCode(values);
    }
}
