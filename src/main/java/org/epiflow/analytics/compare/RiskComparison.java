package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.RiskInputException;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model's run over a period next to the same model's run over its baseline ({@link RiskBaseline}), column by
 * column and region by region (or province by province): value, baseline, change and change in percent
 * ({@link RiskChange}, read by the column's {@link ChangeRule}). A baseline from another bundle is matched by region
 * code; a region the baseline lacks has no baseline figure (and no change), never a 0. Immutable.
 */
public final class RiskComparison {
    private final RiskOutcome period;
    private final RiskOutcome baseline;
    private final BaselinePeriod aligned;
    private final AggregateDataset baselineData;
    private final long dayOffset;

    private RiskComparison(RiskOutcome period, RiskOutcome baseline, BaselinePeriod aligned,
                           AggregateDataset baselineData) {
        this.period = period;
        this.baseline = baseline;
        this.aligned = aligned;
        this.baselineData = baselineData;
        // a baseline day d (days after its bundle's first day) is day d + offset of the period's bundle, aligned
        this.dayOffset = baselineData.info().period().start().toEpochDay()
                - period.request().data().info().period().start().toEpochDay() - aligned.shiftDays();
    }

    /**
     * Runs the period's model again on the baseline.
     *
     * @param run           the period's run
     * @param baseline      the baseline aligned with the run's travel window ({@link RiskBaseline#travelPeriod})
     * @param baselineData  the baseline's bundle (same geography), or null for the period's
     * @param baselineCases case reports over the baseline bundle, or null (see {@link RiskBaseline#request})
     * @throws ComparisonException the baseline is not the travel window's, or another geography, or outside its
     *                             bundle
     * @throws RiskInputException  the model cannot run on the baseline's inputs
     */
    public static RiskComparison run(RiskOutcome run, BaselinePeriod baseline, AggregateDataset baselineData,
                                     CaseTable baselineCases) throws ComparisonException, RiskInputException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(baseline, "baseline");
        AggregateDataset data = run.request().data();
        AggregateDataset b = baselineData == null ? data : baselineData;
        if (!baseline.period().equals(RiskBaseline.travelPeriod(run))) {
            throw new ComparisonException(Message.of("analytics.compare.window", baseline.period().start(),
                    baseline.period().end(), RiskBaseline.travelPeriod(run).start(),
                    RiskBaseline.travelPeriod(run).end()));
        }
        if (b != data && !b.info().geographyLevel().equals(data.info().geographyLevel())) {
            throw new ComparisonException(Message.of("data.compare.otherGeography", data.info().geographyLevel(),
                    b.info().geographyLevel()));
        }
        Comparison.range(b.info().period(), baseline.baseline());
        RiskOutcome other = RiskModels.run(RiskBaseline.request(run, baseline, b, baselineCases));
        return new RiskComparison(run, other, baseline, b);
    }

    /** Both runs already made (the baseline's by {@link RiskBaseline#request}). */
    public static RiskComparison of(RiskOutcome run, RiskOutcome baselineRun, BaselinePeriod baseline) {
        return new RiskComparison(run, baselineRun, baseline, baselineRun.request().data());
    }

    /**
     * The column compared per region (or province), in the period's order (most exposed first); per 1,000
     * residents of each side's own bundle when {@code perCapita} (counts only).
     *
     * @throws IllegalArgumentException no such column, or per capita of a column that is not a count
     */
    public Map<String, RiskChange> column(String name, boolean provinces, boolean perCapita) {
        Column c = period.result().columns().get(period.result().column(name)
                .orElseThrow(() -> new IllegalArgumentException("no column " + name)));
        ChangeRule rule = ChangeRule.of(c);
        RiskFigures p = RiskFigures.of(period, period.request().data(), name, provinces, perCapita);
        RiskFigures b = RiskFigures.of(baseline, baselineData, name, provinces, perCapita);
        int k = Math.max(period.result().k(), baseline.result().k());
        Map<String, RiskChange> out = new LinkedHashMap<>();
        p.all().forEach((code, f) -> {
            RiskFigures.Figure bf = b.get(code);
            if (bf != null && rule.isDay() && Double.isFinite(bf.value())) {
                bf = new RiskFigures.Figure(bf.value() + dayOffset, bf.raw() + dayOffset, bf.withheld());
            }
            out.put(code, RiskChange.of(rule, f, bf, k));
        });
        return out;
    }

    /** The region (or province) codes of the baseline that the period lacks. */
    public java.util.List<String> unmatched(boolean provinces) {
        String any = period.result().columns().get(0).name();
        RiskFigures p = RiskFigures.of(period, period.request().data(), any, provinces, false);
        RiskFigures b = RiskFigures.of(baseline, baselineData, any, provinces, false);
        return b.all().keySet().stream().filter(c -> p.get(c) == null).toList();
    }

    public RiskOutcome period() {
        return period;
    }

    public RiskOutcome baseline() {
        return baseline;
    }

    /** The baseline's days and alignment. */
    public BaselinePeriod aligned() {
        return aligned;
    }

    /** The baseline's bundle (the period's own when the baseline is another range of it). */
    public AggregateDataset baselineData() {
        return baselineData;
    }

    /** Where the residents of a per-capita view came from (the period's bundle). */
    public org.epiflow.data.compare.PerCapita.Source perCapitaSource(boolean provinces) {
        String any = period.result().columns().stream().filter(c -> ChangeRule.of(c).perCapita()).findFirst()
                .map(Column::name).orElse(null);
        return any == null ? null : RiskFigures.of(period, period.request().data(), any, provinces, true)
                .perCapitaSource();
    }
}
