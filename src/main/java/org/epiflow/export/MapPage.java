package org.epiflow.export;

import org.epiflow.map.Language;
import org.epiflow.map.MapScene;

import java.util.Objects;

/**
 * One exported map page (a PNG, a PDF page, a slide, a GIF frame): the scene for the map frame (its viewport has the
 * frame's size in layout units; its heatmap, if any, is painted with the basemap exactly as on screen) and
 * everything the print layout writes around it.
 *
 * @param scene      the map
 * @param heatmap    the heatmap of the scene with its legend rows, or null
 * @param title      the title
 * @param subtitle   the subtitle (may be empty)
 * @param periodLine "Date: 2020-01-23" or "Period: …"
 * @param flowsLine  "Showing 5,000 of 48,213 flows" (may be empty)
 * @param trace      the trace printed in the footer
 * @param language   the language of every fixed text
 */
public record MapPage(MapScene scene, ExportHeatmap heatmap, String title, String subtitle, String periodLine,
                      String flowsLine, Trace trace, Language language) {
    public MapPage {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(language, "language");
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        periodLine = periodLine == null ? "" : periodLine;
        flowsLine = flowsLine == null ? "" : flowsLine;
    }
}
