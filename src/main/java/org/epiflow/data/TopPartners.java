package org.epiflow.data;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regions exchanging most trips with one region over a day range: partner, trips in (partner → region), trips out
 * (region → partner), total, and the net flow (suppressed below k). Sorted by total descending, then partner index.
 */
public final class TopPartners {
    private TopPartners() {
    }

    /**
     * One partner.
     *
     * @param partner  region index of the partner
     * @param in       trips partner → region (sum of published cells; 0 = none published)
     * @param out      trips region → partner
     * @param total    in + out
     * @param net      in − out, suppressed when its absolute value is below k
     */
    public record Partner(int partner, long in, long out, long total, Suppressed net) {
    }

    /** Top {@code limit} partners of {@code region} over {@code days} (limit 0 = all). Internal trips excluded. */
    public static List<Partner> of(AggregateDataset data, int region, DayRange days, int limit) {
        FlowTable f = data.flows();
        int n = data.regions().size();
        long[] in = new long[n], out = new long[n];
        for (int r = f.firstRow(days.first()), e = f.endRow(days.last()); r < e; r++) {
            int o = f.origin(r), d = f.destination(r);
            if (o == d) {
                continue;
            }
            if (d == region) {
                in[o] += f.trips(r);
            } else if (o == region) {
                out[d] += f.trips(r);
            }
        }
        int k = data.info().k();
        List<Partner> list = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (in[p] != 0 || out[p] != 0) {
                list.add(new Partner(p, in[p], out[p], in[p] + out[p], Suppressed.derived(in[p] - out[p], k)));
            }
        }
        list.sort(Comparator.comparingLong(Partner::total).reversed().thenComparingInt(Partner::partner));
        return limit > 0 && list.size() > limit ? List.copyOf(list.subList(0, limit)) : List.copyOf(list);
    }
}
