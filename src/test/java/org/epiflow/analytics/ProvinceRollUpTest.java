package org.epiflow.analytics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 11 item 3: every column combines over a province by its own rule. */
class ProvinceRollUpTest {
    static final String[] GROUP = {"P", "P", "Q"};

    @Test
    void eachRuleCombinesAsDeclared() {
        double[] v = {0.5, 0.2, 0.9};
        double[] num = {10, 30, 5};
        double[] den = {1000, 3000, 500};
        assertThat(ProvinceRollUp.combine(RollUp.SUM, GROUP, v, num, den).get("P")).isCloseTo(0.7, within(1e-12));
        assertThat(ProvinceRollUp.combine(RollUp.PROBABILITY, GROUP, v, num, den).get("P"))
                .isCloseTo(1 - 0.5 * 0.8, within(1e-12));
        assertThat(ProvinceRollUp.combine(RollUp.MIN, GROUP, v, num, den).get("P")).isEqualTo(0.2);
        assertThat(ProvinceRollUp.combine(RollUp.MAX, GROUP, v, num, den).get("P")).isEqualTo(0.5);
        assertThat(ProvinceRollUp.combine(RollUp.PRODUCT, GROUP, v, num, den).get("P")).isCloseTo(0.1,
                within(1e-12));
        // a rate from the summed numerator and denominator, not the mean of the regions' rates
        assertThat(ProvinceRollUp.combine(RollUp.rate("n", "d", 1e5), GROUP, v, num, den).get("P"))
                .isCloseTo(40.0 / 4000 * 1e5, within(1e-9));
        assertThat(ProvinceRollUp.combine(RollUp.ratio("n", "d", 1), GROUP, v, num, den).get("Q"))
                .isCloseTo(6.0 / 501, within(1e-12));
        assertThat(ProvinceRollUp.combine(RollUp.NONE, GROUP, v, num, den).get("P")).isNaN();
    }

    @Test
    void aProvinceWithoutAnyFigureHasNone() {
        Map<String, Double> m = ProvinceRollUp.combine(RollUp.SUM, GROUP, new double[]{1, 2, Double.NaN},
                new double[3], new double[3]);
        assertThat(m.get("P")).isEqualTo(3);
        assertThat(m.get("Q")).isNaN();
    }

    @Test
    void everyModelColumnDeclaresARuleAndAReading() {
        for (RiskModel model : RiskModel.values()) {
            assertThat(model.columns()).isNotEmpty();
            assertThat(model.defaultColumn()).isNotNull();
            for (Column c : model.columns()) {
                if (c.rollUp().kind() == RollUp.Kind.RATE || c.rollUp().kind() == RollUp.Kind.RATIO) {
                    assertThat(model.column(c.rollUp().numerator())).as(c.name()).isPresent();
                    assertThat(model.column(c.rollUp().denominator())).as(c.name()).isPresent();
                }
                assertThat(org.epiflow.text.Texts.inChinese().has(c.labelKey())).as(c.labelKey()).isTrue();
                assertThat(org.epiflow.text.Texts.inEnglish().has(c.labelKey())).as(c.labelKey()).isTrue();
            }
        }
        assertThat(RiskModel.IMPORTATION.column("import_probability").orElseThrow().rollUp())
                .isEqualTo(RollUp.PROBABILITY);
        assertThat(RiskModel.EFFECTIVE_DISTANCE.defaultColumn().exposure()).isEqualTo(Column.Exposure.LOWER);
        assertThat(RiskModel.OBSERVED_EXPECTED.column("observed_expected_ratio").orElseThrow().centre())
                .isEqualTo(1);
        assertThat(RiskModel.IMPORTATION.defaultColumn().name()).isEqualTo("expected_imported");
        assertThat(RiskModel.byId("effective-distance")).contains(RiskModel.EFFECTIVE_DISTANCE);
    }
}
