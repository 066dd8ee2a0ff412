package org.epiflow.export.raster;

import org.epiflow.export.ExportMonitor;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.MapFormatWriter;
import org.epiflow.export.MapPage;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.PrintLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Animated GIF: one frame per page, the options' frame delay. */
public final class GifFormat implements MapFormatWriter {
    @Override
    public void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace,
                      ExportMonitor monitor, OutputStream out) throws IOException {
        try (GifWriter gif = new GifWriter(out, options.frameDelayMillis(), trace)) {
            for (int i = 0; i < pages.size(); i++) {
                monitor.check();
                gif.add(PageRaster.render(layout, pages.get(i)));
                monitor.progress(i + 1, pages.size());
            }
        }
    }
}
