package org.epiflow.analytics;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.ResidentTable;

/**
 * Denominators N_i: the residents a bundle publishes for a region (mean over a window of days), else the population
 * of the region table. A region with neither has N = 0 and is left out of the models that divide by it.
 */
public final class Populations {
    private Populations() {
    }

    /** N_i as the mean published residents over days [from, to) where present, else the table population. */
    public static double[] of(AggregateDataset data, int from, int to) {
        int n = data.regions().size();
        double[] pop = new double[n];
        double[] sum = new double[n];
        int[] count = new int[n];
        if (data.residents().isPresent()) {
            ResidentTable r = data.residents().get();
            int a = Math.max(0, from);
            int b = Math.min(data.info().period().days(), to);
            for (int d = a; d < b; d++) {
                for (int row = r.firstRow(d); row < r.endRow(d); row++) {
                    sum[r.region(row)] += r.residents(row);
                    count[r.region(row)]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            pop[i] = count[i] > 0 ? sum[i] / count[i] : data.regions().get(i).population();
        }
        return pop;
    }

    /** N_i over the whole period. */
    public static double[] of(AggregateDataset data) {
        return of(data, 0, data.info().period().days());
    }
}
