package org.epiflow.analytics.seir;

import org.epiflow.analytics.TestNetworks;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 7: an infected traveller arriving counts as an arrival, even before anyone is infected there. */
class EnsembleArrivalTest {
    @Test
    void arrivingTravellersCountWithoutLocalTransmission() {
        AggregateDataset data = TestNetworks.constant(new long[]{100_000, 100_000}, new int[][]{{0, 5_000}, {0, 0}},
                20, 10);
        double[] pop = {100_000, 100_000};
        SeirParameters p = new SeirParameters(0, 4, 5, 0, 0, Integer.MAX_VALUE);
        TravelSchedule s = TravelSchedule.of(data.flows(), 2, pop, 0, 20, p);
        SeirEnsemble e = SeirEnsemble.run(s, p, pop, new double[]{0, 0}, new double[]{200, 0}, 100, 7);
        // R0 = 0: nobody is ever infected in region 1, yet infected travellers arrive there (5 % leave a day)
        assertThat(e.quantile(4, 19, 1)).isZero();
        assertThat(e.arrivalProbability(19, 1)).isGreaterThan(0.99);
    }
}
