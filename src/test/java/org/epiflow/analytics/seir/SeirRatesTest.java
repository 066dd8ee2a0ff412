package org.epiflow.analytics.seir;

import org.epiflow.analytics.TestNetworks;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 14 item 6: daily steps that grow like the ODE for a published R0, and the daily form documented. */
class SeirRatesTest {
    /** Growth rate of one isolated region's deterministic run over days 40–60 (well inside the linear phase). */
    private static double growth(SeirParameters p) {
        AggregateDataset data = TestNetworks.constant(new long[]{2_000_000_000L / 2}, new int[][]{{0}}, 1, 10);
        double[] pop = {1e12};
        TravelSchedule s = TravelSchedule.of(data.flows(), 1, pop, 0, 80, p);
        SeirRun run = MetapopulationSeir.deterministic(s, p, pop, new double[]{10}, new double[]{10}, false);
        return Math.log(run.incidence()[60] / run.incidence()[40]) / 20;
    }

    @Test
    void odeRatesGrowAtTheOdeRate() {
        SeirParameters p = new SeirParameters(2.6, 4, 5, 0, 0, Integer.MAX_VALUE, 0, SeirParameters.Rates.ODE);
        double r = p.odeGrowthRate(2.6);
        assertThat(r).isCloseTo(0.1364, within(0.0005));
        assertThat(growth(p)).isCloseTo(r, within(0.001));
        for (double r0 : new double[]{1.3, 2.0, 3.5, 6}) {
            SeirParameters q = p.withR0(r0);
            assertThat(growth(q)).isCloseTo(q.odeGrowthRate(r0), within(0.001));
        }
    }

    @Test
    void dailyProbabilitiesGrowMoreSlowly() {
        SeirParameters p = new SeirParameters(2.6, 4, 5, 0, 0, Integer.MAX_VALUE, 0, SeirParameters.Rates.DAILY);
        assertThat(growth(p)).isCloseTo(0.128, within(0.002));
    }

    @Test
    void rampedReductionsReachFullStrengthLinearly() {
        SeirParameters p = new SeirParameters(2.6, 4, 5, 0.5, 0.8, 10, 4, SeirParameters.Rates.ODE);
        assertThat(p.contactFactor(9)).isEqualTo(1);
        assertThat(p.contactFactor(10)).isEqualTo(1);
        assertThat(p.contactFactor(12)).isCloseTo(0.6, within(1e-12));
        assertThat(p.contactFactor(14)).isCloseTo(0.2, within(1e-12));
        assertThat(p.travelFactor(30)).isCloseTo(0.5, within(1e-12));
    }
}
