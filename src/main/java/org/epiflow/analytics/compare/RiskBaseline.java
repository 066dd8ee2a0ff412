package org.epiflow.analytics.compare;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.time.LocalDate;

/**
 * The request of a model's run on the baseline: the same model, parameters, sources and typed seeds, with the travel
 * window, the as-of day and every date among the parameters (SEIR's first simulated day and first day of the
 * reductions) moved by the alignment's shift, on the baseline's bundle. Case reports are those of the baseline's
 * days: the same table in the same bundle, else the table given for the baseline bundle, else the period's table
 * re-read by calendar date and region code ({@link #casesFor}).
 */
public final class RiskBaseline {
    private RiskBaseline() {
    }

    /** The travel window of a finished run, as dates: what a baseline is aligned with. */
    public static Period travelPeriod(RiskOutcome run) {
        Period p = run.request().data().info().period();
        return new Period(p.day(run.window().fromDay()), p.day(run.window().toDay()));
    }

    /**
     * The baseline run's request.
     *
     * @param run           the period's run
     * @param baseline      the baseline aligned with {@link #travelPeriod(RiskOutcome)}
     * @param baselineData  the baseline's bundle, or null for the period's
     * @param baselineCases case reports over the baseline bundle, or null: the period's, by date and code
     */
    public static RiskRequest request(RiskOutcome run, BaselinePeriod baseline, AggregateDataset baselineData,
                                      CaseTable baselineCases) {
        RiskRequest r = run.request();
        AggregateDataset data = baselineData == null ? r.data() : baselineData;
        long shift = baseline.shiftDays();
        Period p = r.data().info().period();
        LocalDate from = p.day(run.window().fromDay()).plusDays(shift);
        LocalDate to = p.day(run.window().toDay()).plusDays(shift);
        LocalDate asOf = p.day(run.window().asOfDay()).plusDays(shift);
        CaseTable cases = r.cases() == null ? null : baselineCases != null ? baselineCases
                : data == r.data() ? r.cases() : casesFor(r.cases(), data.info().period(), data.regions());
        return new RiskRequest(data, cases, r.sources(), r.seeds(), from, to, asOf, moved(r.parameters(), shift));
    }

    /** Parameters whose dates are moved by {@code shift} days (SEIR's start and reductions); others as they are. */
    static ModelParameters moved(ModelParameters m, long shift) {
        if (m instanceof ForecastParameters f) {
            return new ForecastParameters(f.r0(), f.latentDays(), f.infectiousDays(), f.travelReduction(),
                    f.contactReduction(), plus(f.reductionFrom(), shift), f.rampDays(), f.rates(),
                    plus(f.start(), shift), f.horizonDays(), f.runs(), f.seed(), f.fitR0(), f.ascertainment(),
                    f.delay());
        }
        return m;
    }

    private static LocalDate plus(LocalDate d, long shift) {
        return d == null ? null : d.plusDays(shift);
    }

    /**
     * A case table re-read onto another bundle's days and regions: each day and region by calendar date and code;
     * days the table does not cover and regions it lacks have no case. Its last reported day is the same date (or
     * the bundle's last day when that is later, -1 when it is before the bundle).
     */
    public static CaseTable casesFor(CaseTable cases, Period period, RegionTable regions) {
        int n = regions.size();
        int[] daily = new int[period.days() * n];
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = cases.regions().indexOf(regions.get(i).code());
        }
        Period src = cases.period();
        long offset = period.start().toEpochDay() - src.start().toEpochDay();
        for (int d = 0; d < period.days(); d++) {
            long s = d + offset;
            if (s < 0 || s >= src.days()) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (from[i] >= 0) {
                    daily[d * n + i] = cases.daily((int) s, from[i]);
                }
            }
        }
        long last = cases.lastReportedDay() < 0 ? -1 : cases.lastReportedDay() - offset;
        int lastDay = last < 0 ? -1 : (int) Math.min(period.days() - 1, last);
        return new CaseTable(period, regions, daily, lastDay);
    }
}
