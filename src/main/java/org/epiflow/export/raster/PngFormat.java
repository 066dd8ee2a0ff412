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

/** PNG: the first page as pixels at the page's DPI. */
public final class PngFormat implements MapFormatWriter {
    @Override
    public void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace,
                      ExportMonitor monitor, OutputStream out) throws IOException {
        var img = PageRaster.render(layout, pages.get(0));
        monitor.check();
        PngWriter.write(img, layout.page().dpi(), trace, out);
        monitor.progress(1, 1);
    }
}
