package org.epiflow.export;

import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.Legend;

import java.util.List;
import java.util.Objects;

/**
 * A heatmap as an export draws it: the choropleth painted on the map (values per region or province, breaks,
 * colours, optional density surface) and its legend as the screen shows it — rows from the top (highest class
 * first, then "no value"), each a label and the colour of its swatch — with an optional note (the model, the date
 * it is as of, how provinces were rolled up).
 *
 * @param layer  what is painted; its title heads the legend block
 * @param legend the legend rows, top to bottom
 * @param note   a line of small print under the rows (may be empty)
 */
public record ExportHeatmap(ChoroplethLayer layer, List<Legend.Entry> legend, String note) {
    public ExportHeatmap {
        Objects.requireNonNull(layer, "layer");
        legend = List.copyOf(legend);
        note = note == null ? "" : note;
    }

    public String title() {
        return layer.title();
    }
}
