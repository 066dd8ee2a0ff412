package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trip figure of a risk table compared with a baseline bundle of a lower k: what that bundle published below the
 * comparison's k is not shown, and neither is a change that would give it back (period 1,000, change 993 ⇒ 7).
 */
class RiskChangeTest {
    static final Column TRIPS = Column.trips("inflow", "trips into the region");
    static final Column MODEL = Column.of("expected", "expected infections");

    @Test
    void aBaselineTripFigureBelowTheComparisonsKIsWithheldWithItsChange() {
        ChangeRule rule = ChangeRule.of(TRIPS);
        RiskChange c = RiskChange.of(rule, new RiskFigures.Figure(1000, 1000, false),
                new RiskFigures.Figure(7, 7, false), 10);
        assertThat(c.baselineWithheld()).isTrue();
        assertThat(c.baseline()).isNaN();
        assertThat(c.changeWithheld()).isTrue();
        assertThat(c.change()).isNaN();
        assertThat(c.changePercent()).isNaN();
        assertThat(c.value()).isEqualTo(1000);
        // at or above k both sides are shown and so is the change
        RiskChange shown = RiskChange.of(rule, new RiskFigures.Figure(1000, 1000, false),
                new RiskFigures.Figure(700, 700, false), 10);
        assertThat(shown.change()).isEqualTo(300);
        assertThat(shown.changeWithheld()).isFalse();
    }

    @Test
    void modelFiguresAreNotTripsAndKeepTheirSmallValues() {
        RiskChange c = RiskChange.of(ChangeRule.of(MODEL), new RiskFigures.Figure(3.5, 3.5, false),
                new RiskFigures.Figure(0.4, 0.4, false), 10);
        assertThat(c.baselineWithheld()).isFalse();
        assertThat(c.change()).isEqualTo(3.1, org.assertj.core.api.Assertions.within(1e-12));
    }
}
