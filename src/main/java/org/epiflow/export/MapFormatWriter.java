package org.epiflow.export;

import org.epiflow.export.layout.PrintLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes laid-out map pages in one format (PNG, SVG, PDF, PPTX, GIF). */
public non-sealed interface MapFormatWriter extends FormatWriter {
    /** The print layout of the options' page: header, map frame, legend, footer. */
    default PrintLayout layout(ExportOptions o) {
        return PrintLayout.of(o.page(), true, o.subtitle() == null || !o.subtitle().isEmpty());
    }

    /**
     * Writes the pages (not closing {@code out}); reports each page done to the monitor and stops with
     * {@link ExportCancelledException} when it is cancelled.
     */
    void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace, ExportMonitor monitor,
               OutputStream out) throws IOException;
}
