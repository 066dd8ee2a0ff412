package org.epiflow.analytics.seir;

import org.epiflow.analytics.Populations;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recovering parameters from data the model itself simulated. */
class SeirCalibrationTest {
    private final AggregateDataset data = TestNetworks.random(15, 3, 40, 21);
    private final double[] pop = Populations.of(data);
    private final int n = pop.length;

    private CaseTable simulate(SeirParameters truth, double infected, double ascertainment, int delay) {
        TravelSchedule s = TravelSchedule.of(data.flows(), n, pop, 0, 40, truth);
        SeirCalibration.Target t = new SeirCalibration.Target(s, pop, new int[]{0}, new double[]{1}, null, 0, 1, 0);
        double[][] st = SeirCalibration.start(t, truth, infected);
        SeirRun run = MetapopulationSeir.deterministic(s, truth, pop, st[0], st[1], false);
        int[] daily = new int[40 * n];
        double[] carry = new double[n];
        for (int d = delay; d < 40; d++) {
            for (int k = 0; k < n; k++) {
                // round cumulative counts so the daily counts add up (deterministic rounding noise only)
                double before = carry[k];
                carry[k] += ascertainment * run.incidence()[(d - delay) * n + k];
                daily[d * n + k] = (int) (Math.round(carry[k]) - Math.round(before));
            }
        }
        return new CaseTable(data.info().period(), data.regions(), daily, 39);
    }

    private SeirCalibration.Target target(SeirParameters p, CaseTable cases, int asOf, double a, int delay) {
        TravelSchedule s = TravelSchedule.of(data.flows(), n, pop, 0, asOf + 1, p);
        return new SeirCalibration.Target(s, pop, new int[]{0}, new double[]{1}, cases, asOf, a, delay);
    }

    @Test
    void recoversTheNumberInfectedAtTheStart() {
        SeirParameters truth = new SeirParameters(2.2, 4, 5, 0, 0, Integer.MAX_VALUE);
        CaseTable cases = simulate(truth, 37, 1, 0);
        double fitted = SeirCalibration.fitStart(target(truth, cases, 25, 1, 0), truth);
        assertThat(fitted).isCloseTo(37, within(0.37));
        CaseTable reported = simulate(truth, 500, 0.25, 3);
        assertThat(SeirCalibration.fitStart(target(truth, reported, 30, 0.25, 3), truth)).isCloseTo(500, within(5.0));
    }

    @Test
    void recoversR0WithTheStartKnown() {
        SeirParameters truth = new SeirParameters(2.7, 3, 4, 0, 0, Integer.MAX_VALUE);
        CaseTable cases = simulate(truth, 200, 1, 0);
        double r0 = SeirCalibration.fitR0(target(truth.withR0(1.5), cases, 30, 1, 0), truth.withR0(1.5), 200, 0.2, 8);
        assertThat(r0).isCloseTo(2.7, within(0.03));
    }

    @Test
    void forecastFromCasesRanksTheSourceFirstAndReportsIntervals() {
        SeirParameters truth = new SeirParameters(2.2, 4, 5, 0, 0, Integer.MAX_VALUE);
        CaseTable cases = simulate(truth, 80, 1, 0);
        SeirForecast.Outcome o = SeirForecast.compute(data, cases, new SeirForecast.Settings(truth, 0, 20, 30,
                new int[]{0}, List.of(), 1, 0, false, 50, 3));
        assertThat(o.initialInfected()).isCloseTo(80, within(1.0));
        RiskResult r = o.result();
        assertThat(r.rows()).hasSize(n);
        assertThat(r.rows().get(0).code()).isEqualTo(TestNetworks.code(0));
        int lo = r.column("infections_p05").orElseThrow();
        int hi = r.column("infections_p95").orElseThrow();
        r.rows().forEach(row -> assertThat(row.value(lo)).isLessThanOrEqualTo(row.value(hi)));
        assertThat(r.rows().get(1).drivers()).isNotEmpty();
        assertThat(o.deterministic().days()).isEqualTo(51);
    }
}
