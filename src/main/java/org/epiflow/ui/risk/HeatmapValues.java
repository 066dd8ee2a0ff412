package org.epiflow.ui.risk;

import org.epiflow.analytics.ProvinceRollUp;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.data.FlowNodes;
import org.epiflow.map.ChoroplethLayer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a heatmap of a run shows, per region or rolled up to provinces by each column's rule, and how the
 * regions without a figure are marked. No state; the {@link HeatmapViewModel} calls it.
 */
final class HeatmapValues {
    private HeatmapValues() {
    }

    /** The figure of every row of the run for the chosen measure (NaN: no value, or withheld under the k rule). */
    static Map<String, Double> perRegion(RiskRun r, HeatmapMeasure m, int forecastDay) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r == null || m == null) {
            return out;
        }
        RiskResult res = r.result();
        for (RiskRow row : res.rows()) {
            double v;
            if (m.isForecast()) {
                v = forecast(r.forecast(), forecastDay, row.region());
            } else {
                v = res.withheld(row, m.column()) ? Double.NaN : row.value(m.column());
            }
            out.put(row.code(), v);
        }
        return out;
    }

    static double forecast(SeirForecast.Outcome f, int day, int region) {
        SeirEnsemble e = f.ensemble();
        int d = Math.max(0, Math.min(f.deterministic().days() - 1, day));
        return e != null ? e.quantile(2, d, region) : f.deterministic().cumulative(d, region);
    }

    /**
     * The values mapped: per region, or per province when rolled up (by the column's own rule); regions without a
     * value, sources and regions without published trips are left out (they are marked instead).
     */
    static Map<String, Double> mapped(RiskRun r, HeatmapMeasure m, boolean provinces, int forecastDay) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r == null || m == null) {
            return out;
        }
        RiskResult res = r.result();
        Map<String, Double> all;
        if (!provinces) {
            all = perRegion(r, m, forecastDay);
            for (RiskRow row : res.rows()) {
                if (!row.flag().equals(RiskResult.SOURCE) && !row.flag().equals(ImportationRisk.SUPPRESSED)) {
                    continue;
                }
                all.put(row.code(), Double.NaN);
            }
        } else if (m.isForecast()) {
            int size = res.rows().size();
            String[] group = new String[size];
            double[] v = new double[size];
            for (int k = 0; k < size; k++) {
                RiskRow row = res.rows().get(k);
                group[k] = FlowNodes.provinceCodeOf(r.data().regions().get(row.region()));
                v[k] = forecast(r.forecast(), forecastDay, row.region());
            }
            all = ProvinceRollUp.combine(RollUp.SUM, group, v, v, v);
        } else {
            all = ProvinceRollUp.byProvince(res, m.column(), r.data().regions());
        }
        all.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Regions (or provinces) without a class colour and how they are drawn. */
    static Map<String, ChoroplethLayer.Mark> marks(RiskRun r, HeatmapMeasure m, boolean provinces,
                                                   int forecastDay) {
        Map<String, ChoroplethLayer.Mark> out = new HashMap<>();
        if (r == null || m == null) {
            return out;
        }
        Map<String, Double> shown = mapped(r, m, provinces, forecastDay);
        java.util.function.IntFunction<String> group = provinces
                ? i -> FlowNodes.provinceCodeOf(r.data().regions().get(i)) : i -> r.data().regions().get(i).code();
        Map<String, Boolean> suppressed = ProvinceRollUp.allFlagged(r.result(), ImportationRisk.SUPPRESSED, group);
        for (RiskRow row : r.result().rows()) {
            String code = group.apply(row.region());
            if (shown.containsKey(code)) {
                continue;
            }
            ChoroplethLayer.Mark mk = row.flag().equals(RiskResult.SOURCE) && !provinces
                    ? ChoroplethLayer.Mark.SOURCE
                    : Boolean.TRUE.equals(suppressed.get(code)) ? ChoroplethLayer.Mark.SUPPRESSED
                    : ChoroplethLayer.Mark.NO_VALUE;
            out.merge(code, mk, (a, b) -> a == ChoroplethLayer.Mark.SOURCE || b == ChoroplethLayer.Mark.SOURCE
                    ? ChoroplethLayer.Mark.SOURCE : a);
        }
        return out;
    }
}
