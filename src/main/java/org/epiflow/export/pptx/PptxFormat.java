package org.epiflow.export.pptx;

import org.epiflow.export.ExportMonitor;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.MapFormatWriter;
import org.epiflow.export.MapPage;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.PrintLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** PPTX: one slide per page, the print layout as editable text and shapes, the map as slide-sized pictures. */
public final class PptxFormat implements MapFormatWriter {
    @Override
    public void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace,
                      ExportMonitor monitor, OutputStream out) throws IOException {
        PptxWriter.write(pages, layout, trace, monitor, out);
    }
}
