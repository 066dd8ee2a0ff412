package org.epiflow.ui.risk;

import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.export.RiskHeatmap;
import org.epiflow.export.RiskHeatmapComparison;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.Language;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A risk column compared with its baseline or per 1,000 residents, as the heatmap panel shows it: made by the same
 * {@link RiskHeatmapComparison} that {@code epiflow export --heatmap … --baseline-from …} uses, so the screen, the
 * current-view export and the command line draw one map. No state.
 *
 * @param run        the run shown
 * @param comparison the run next to its baseline run, or null (per capita alone)
 * @param baseline   the baseline as the Compare panel set it (for the note), or null
 * @param measure    the column shown
 * @param shows      what of it: the period's value, the baseline, the change or the change in percent
 * @param perCapita  per 1,000 residents
 * @param how        the classes of a plain (not diverging) figure
 * @param provinces  rolled up to provinces
 */
record ComparedHeatmap(RiskRun run, RiskComparison comparison, HeatmapBaseline baseline, HeatmapMeasure measure,
                       FlowMeasure shows, boolean perCapita, RiskHeatmap.Classification how, boolean provinces) {

    /** Whether there is anything to compare: a column (not the forecast) with a baseline run of it, or per capita. */
    boolean applies() {
        return run != null && measure != null && !measure.isForecast()
                && (perCapita || comparison != null && comparison.period() == run.outcome());
    }

    /**
     * The heatmap for a page (or the screen) in {@code lang}.
     *
     * @throws IllegalArgumentException the measure or per capita does not fit the column (a message for people)
     */
    ExportHeatmap heatmap(Language lang) {
        String column = run.result().columns().get(measure.column()).name();
        boolean compared = comparison != null && comparison.period() == run.outcome();
        if (compared) {
            return RiskHeatmapComparison.of(comparison, column, shows, perCapita, how, provinces, lang,
                    baseline == null ? null : baseline.forExport(run, shows));
        }
        return RiskHeatmapComparison.perCapita(run.outcome(), run.data(), column, how, provinces, lang);
    }

    /**
     * The legend's small print on screen: the export's note without the run's inputs, which the risk panel already
     * lists under the Run button.
     */
    static List<String> screenNote(ExportHeatmap h, RiskRun run, Language lang) {
        Set<String> inputs = new HashSet<>();
        run.result().inputs().forEach(m -> inputs.add(org.epiflow.export.PageText.of(lang, m).replace('\n', ' ')));
        return h.noteLines().stream().filter(l -> !inputs.contains(l)).toList();
    }

    /** The panel's classification as an export's (custom edges that do not parse: five quantiles). */
    static RiskHeatmap.Classification classification(ClassificationMethod method, int classes, String custom,
                                                     ColorScheme scheme, boolean reversed) {
        int n = Math.max(2, Math.min(9, classes));
        if (method == ClassificationMethod.CUSTOM) {
            double[] edges;
            try {
                edges = HeatmapClasses.parseEdges(custom);
            } catch (NumberFormatException e) {
                edges = new double[0];
            }
            boolean rising = edges.length >= 2;
            for (int i = 1; i < edges.length; i++) {
                rising &= edges[i] > edges[i - 1];
            }
            if (!rising) {
                return RiskHeatmap.Classification.defaults().withScheme(scheme, reversed);
            }
            return new RiskHeatmap.Classification(method, Math.max(2, Math.min(9, edges.length - 1)), edges, scheme,
                    reversed);
        }
        return new RiskHeatmap.Classification(method, n, null, scheme, reversed);
    }
}
