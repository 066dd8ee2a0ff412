package org.epiflow.data.compare;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.ResidentTable;

import java.util.OptionalDouble;

/**
 * Residents per node, the denominators of "trips per 1,000 residents": of the origin for outflows, of the
 * destination for inflows. From the bundle's residents.csv (the mean over the days looked at) where it has the
 * region, else from the population in the region table; {@link #source()} says which, for the legend.
 */
public final class PerCapita {
    /** Where the denominators came from. */
    public enum Source {
        /** Every node from residents.csv. */
        RESIDENTS("data.percapita.residents"),
        /** Every node from the region table's population (the bundle has no residents.csv for these days). */
        POPULATION("data.percapita.population"),
        /** Some nodes from each: residents.csv lacks some regions. */
        MIXED("data.percapita.mixed");

        private final String messageKey;

        Source(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final double[] residents;
    private final Source source;

    private PerCapita(double[] residents, Source source) {
        this.residents = residents;
        this.source = source;
    }

    /** Denominators for {@code nodes} over {@code days} of a dataset (regions summed into provinces or groups). */
    public static PerCapita of(AggregateDataset data, FlowNodes nodes, DayRange days) {
        int regions = data.regions().size();
        double[] perRegion = new double[regions];
        boolean[] fromTable = new boolean[regions];
        if (data.residents().isPresent()) {
            ResidentTable t = data.residents().get();
            int[] count = new int[regions];
            int last = Math.min(days.last(), t.period().days() - 1);
            for (int d = days.first(); d <= last; d++) {
                for (int r = t.firstRow(d); r < t.endRow(d); r++) {
                    perRegion[t.region(r)] += t.residents(r);
                    count[t.region(r)]++;
                }
            }
            for (int r = 0; r < regions; r++) {
                if (count[r] > 0) {
                    perRegion[r] /= count[r];
                    fromTable[r] = true;
                }
            }
        }
        int table = 0, population = 0;
        double[] perNode = new double[nodes.size()];
        for (int r = 0; r < regions; r++) {
            double v;
            if (fromTable[r]) {
                v = perRegion[r];
                table++;
            } else {
                v = data.regions().get(r).population();
                population++;
            }
            perNode[nodes.nodeOfRegion(r)] += v;
        }
        Source s = population == 0 ? Source.RESIDENTS : table == 0 ? Source.POPULATION : Source.MIXED;
        return new PerCapita(perNode, s);
    }

    /** Residents of a node (0 when unknown). */
    public double residents(int node) {
        return residents[node];
    }

    /** Trips per 1,000 residents of the node; empty when its residents are unknown. */
    public OptionalDouble per1000(int node, double trips) {
        double r = residents[node];
        return r <= 0 ? OptionalDouble.empty() : OptionalDouble.of(trips * 1000.0 / r);
    }

    public Source source() {
        return source;
    }
}
