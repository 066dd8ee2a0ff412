package org.epiflow.ui.risk;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.text.Message;
import org.epiflow.text.Problems;
import org.epiflow.ui.i18n.LocalText;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;
import org.epiflow.ui.util.TaskHandle;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the shown run's model again on the baseline the Compare panel sets ({@link HeatmapBaseline}), in the
 * background, so the heatmap can show the baseline, the change and the change in percent of a column. A new run or
 * baseline drops the comparison at once (the heatmap never shows a change against another run's baseline) and
 * starts the next; the last one is kept so switching back costs nothing. When the baseline cannot be used,
 * {@link #problemProperty()} says why in the user's language.
 */
public final class HeatmapComparisonRun {
    private final TaskExecutor executor;
    private final ObjectProperty<RiskRun> run = new SimpleObjectProperty<>();
    private final ObjectProperty<HeatmapBaseline> baseline = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RiskComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final LocalText problem;
    private final LocalText description;
    private AtomicBoolean token;
    private TaskHandle handle;
    private RiskRun doneRun;
    private HeatmapBaseline doneBaseline;
    private RiskComparison done;

    public HeatmapComparisonRun(Messages messages, TaskExecutor executor) {
        this.executor = executor;
        this.problem = messages.text();
        this.description = messages.text();
        run.addListener(o -> update());
        baseline.addListener(o -> update());
    }

    private void update() {
        cancel();
        RiskRun r = run.get();
        HeatmapBaseline b = baseline.get();
        problem.clear();
        description.clear();
        if (r == null || b == null) {
            comparison.set(null);
            return;
        }
        BaselinePeriod aligned;
        try {
            aligned = b.align(r);
            Comparison.range((b.data() != null ? b.data() : r.data()).info().period(), aligned.baseline());
        } catch (ComparisonException e) {
            comparison.set(null);
            problem.show(Message.of("risk.compare.problem", e.message()));
            return;
        }
        description.show(Message.of("risk.compare.describe", aligned.describe()));
        if (r == doneRun && b.equals(doneBaseline)) {
            comparison.set(done);
            return;
        }
        comparison.set(null);
        running.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        token = stop;
        TaskHandle h = executor.execute(ctx -> {
            ctx.progress("baseline", -1);
            return stop.get() ? null : RiskComparison.run(r.outcome(), aligned, b.data(), null);
        }, TaskCallbacks.<RiskComparison>of(c -> {
            if (stop.get() || c == null) {
                return;
            }
            finished();
            doneRun = r;
            doneBaseline = b;
            done = c;
            comparison.set(c);
        }, e -> {
            if (stop.get()) {
                return;
            }
            finished();
            Message why = e instanceof ComparisonException ce ? ce.message() : Problems.reason(e);
            problem.show(Message.of("risk.compare.failed", Message.of(r.settings().model().messageKey()), why));
            description.clear();
        }));
        if (token == stop) {
            handle = h;
        }
    }

    private void finished() {
        token = null;
        handle = null;
        running.set(false);
    }

    /** Drops the baseline run under way, if any. */
    public void cancel() {
        if (token != null) {
            token.set(true);
        }
        if (handle != null) {
            handle.cancel();
        }
        token = null;
        handle = null;
        running.set(false);
    }

    /** The run shown (bound to the risk panel's). */
    public ObjectProperty<RiskRun> runProperty() {
        return run;
    }

    /** The baseline the Compare panel sets, or null when the map compares nothing. */
    public ObjectProperty<HeatmapBaseline> baselineProperty() {
        return baseline;
    }

    /** The run next to its baseline run, or null (no baseline, still running, or it could not be made). */
    public ReadOnlyObjectProperty<RiskComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Whether the baseline run is under way. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the heatmap cannot be compared, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The baseline of the heatmap in words, or empty. */
    public StringProperty descriptionProperty() {
        return description;
    }
}
