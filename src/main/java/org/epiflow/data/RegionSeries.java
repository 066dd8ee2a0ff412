package org.epiflow.data;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Daily (and weekly) inflow, outflow and internal trips of a set of regions (one region, or every region of a
 * province). Inflow counts trips from outside the set into it, outflow trips from the set to outside, internal trips
 * with both ends in the set. These are sums of published cells; the {@link #net(int) net} flow is a difference and is
 * suppressed below k.
 */
public final class RegionSeries {
    private final Period period;
    private final long[] inflow;
    private final long[] outflow;
    private final long[] internal;
    private final int k;

    private RegionSeries(Period period, long[] inflow, long[] outflow, long[] internal, int k) {
        this.period = period;
        this.inflow = inflow;
        this.outflow = outflow;
        this.internal = internal;
        this.k = k;
    }

    /** The series of one region (index into the region table). */
    public static RegionSeries of(AggregateDataset data, int region) {
        return of(data, new int[] {region});
    }

    /** The series of a set of regions taken together (e.g. a province). */
    public static RegionSeries of(AggregateDataset data, int[] regions) {
        FlowTable f = data.flows();
        boolean[] in = new boolean[data.regions().size()];
        for (int r : regions) {
            in[r] = true;
        }
        int days = f.dayCount();
        long[] inflow = new long[days], outflow = new long[days], internal = new long[days];
        for (int d = 0; d < days; d++) {
            long a = 0, b = 0, c = 0;
            for (int r = f.firstRow(d), e = f.endRow(d); r < e; r++) {
                boolean o = in[f.origin(r)], t = in[f.destination(r)];
                if (o | t) {
                    long v = f.trips(r);
                    if (o & t) {
                        c += v;
                    } else if (t) {
                        a += v;
                    } else {
                        b += v;
                    }
                }
            }
            inflow[d] = a;
            outflow[d] = b;
            internal[d] = c;
        }
        return new RegionSeries(f.period(), inflow, outflow, internal, data.info().k());
    }

    public Period period() {
        return period;
    }

    public int days() {
        return inflow.length;
    }

    public LocalDate date(int day) {
        return period.day(day);
    }

    public long inflow(int day) {
        return inflow[day];
    }

    public long outflow(int day) {
        return outflow[day];
    }

    public long internal(int day) {
        return internal[day];
    }

    /** inflow − outflow of a day; suppressed when its absolute value is below k. */
    public Suppressed net(int day) {
        return Suppressed.derived(inflow[day] - outflow[day], k);
    }

    public long[] inflows() {
        return inflow.clone();
    }

    public long[] outflows() {
        return outflow.clone();
    }

    public int k() {
        return k;
    }

    /**
     * Weekly totals, ISO weeks (Monday to Sunday). The first and last weeks may be partial: see
     * {@link Week#days()}.
     */
    public List<Week> weekly() {
        List<Week> out = new ArrayList<>();
        int d = 0;
        while (d < inflow.length) {
            LocalDate date = period.day(d);
            LocalDate monday = date.with(DayOfWeek.MONDAY);
            int end = Math.min(inflow.length, d + 7 - (date.getDayOfWeek().getValue() - 1));
            long a = 0, b = 0, c = 0;
            for (int i = d; i < end; i++) {
                a += inflow[i];
                b += outflow[i];
                c += internal[i];
            }
            out.add(new Week(monday, end - d, a, b, c, Suppressed.derived(a - b, k)));
            d = end;
        }
        return out;
    }

    /**
     * One week's totals.
     *
     * @param monday   the Monday starting the ISO week
     * @param days     how many of its days lie in the period (7 unless partial)
     * @param inflow   sum of the daily inflows
     * @param outflow  sum of the daily outflows
     * @param internal sum of the daily internal trips
     * @param net      inflow − outflow, suppressed below k
     */
    public record Week(LocalDate monday, int days, long inflow, long outflow, long internal, Suppressed net) {
        public boolean complete() {
            return days == 7;
        }
    }

    @Override
    public String toString() {
        return "RegionSeries[in=" + Arrays.toString(inflow) + ", out=" + Arrays.toString(outflow) + "]";
    }
}
