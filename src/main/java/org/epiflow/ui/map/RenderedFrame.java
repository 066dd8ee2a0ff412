package org.epiflow.ui.map;

import org.epiflow.data.FlowSet;
import org.epiflow.map.MapScene;

/**
 * A drawn frame: premultiplied ARGB pixels (owned by the renderer; copy them on the UI thread before the next
 * frame is requested), and the scene and flows they show (for hit-testing, legend and tooltips).
 *
 * @param pixels width × height pixels, row-major
 * @param scene  the scene drawn
 * @param flows  the flows drawn, or null
 */
public record RenderedFrame(int[] pixels, int width, int height, MapScene scene, FlowSet flows) {
}
