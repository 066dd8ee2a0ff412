package org.epiflow.cli;

import org.epiflow.analytics.RiskInputException;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.compare.RiskBaseline;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.io.IOException;
import java.time.LocalDate;

/**
 * The baseline run of {@code epiflow risk} and {@code epiflow export --heatmap}: the baseline aligned with the run's
 * travel window, the same model run on it (the case file re-read over the baseline bundle when it is another), as
 * a {@link RiskComparison}. A baseline that cannot be compared is a usage error (exit 2) in the run's language.
 */
final class RiskBaselineRun {
    private RiskBaselineRun() {
    }

    /** Checks the baseline flags before anything is opened: both dates or none, in order, a known alignment. */
    static Alignment check(LocalDate from, LocalDate to, String align, Object bundle) throws CliException {
        if ((from == null) != (to == null)) {
            throw new CliException(Message.of("cli.export.baselineTogether"), 2);
        }
        if (from == null && align != null) {
            throw new CliException(Message.of("cli.export.needsBaseline", "--align"), 2);
        }
        if (from == null && bundle != null) {
            throw new CliException(Message.of("cli.export.needsBaseline", "--baseline-bundle"), 2);
        }
        if (from != null && to.isBefore(from)) {
            throw new CliException(Message.of("cli.export.baselineOrder", from, to), 2);
        }
        if (align == null) {
            return Alignment.DATE;
        }
        return Alignment.fromCliName(align).orElseThrow(() -> new CliException(Message.of("cli.export.badAlign",
                align), 2));
    }

    /**
     * Runs the model of {@code run} again over its travel window moved as the exported days are: the baseline
     * {@code from..to} is asked for the exported days starting {@code firstDay}, so a run whose window is not those
     * days (a saved view's heatmap) is compared with its window moved by the same offset — what the workstation
     * shows. When the window is the exported days this is {@link #compare} over {@code from..to}.
     *
     * @param firstDay the first exported day, or null: the baseline is the window's as given
     */
    static RiskComparison compareMoved(RiskModelOptions options, RiskOutcome run, LocalDate firstDay, LocalDate from,
                                       LocalDate to, Alignment alignment, AggregateDataset baselineData)
            throws CliException, IOException {
        Period travel = RiskBaseline.travelPeriod(run);
        if (firstDay == null || travel.start().equals(firstDay) && travel.days() == new Period(from, to).days()) {
            return compare(options, run, from, to, alignment, baselineData);
        }
        long moved = java.time.temporal.ChronoUnit.DAYS.between(firstDay, from);
        return compare(options, run, travel.start().plusDays(moved), travel.end().plusDays(moved), alignment,
                baselineData);
    }

    /**
     * Runs the model of {@code run} again over the baseline {@code from..to}.
     *
     * @param baselineData the baseline bundle, or null for the run's own
     */
    static RiskComparison compare(RiskModelOptions options, RiskOutcome run, LocalDate from, LocalDate to,
                                  Alignment alignment, AggregateDataset baselineData)
            throws CliException, IOException {
        String model = run.model().id();
        try {
            BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(run), new Period(from, to), alignment);
            return RiskComparison.run(run, b, baselineData, baselineData == null ? null
                    : options.cases(baselineData));
        } catch (ComparisonException e) {
            throw new CliException(e.message(), 2);
        } catch (RiskInputException e) {
            throw new CliException(Message.of("cli.risk.baselineFailed", model, e.message()), 2);
        } catch (RiskModelException e) {
            throw new CliException(Message.of("cli.risk.baselineFailed", model, e.message()));
        }
    }
}
