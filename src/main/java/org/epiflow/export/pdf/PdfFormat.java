package org.epiflow.export.pdf;

import org.epiflow.export.ExportMonitor;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.MapFormatWriter;
import org.epiflow.export.MapPage;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.PrintLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** PDF: every page as a vector page. */
public final class PdfFormat implements MapFormatWriter {
    @Override
    public void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace,
                      ExportMonitor monitor, OutputStream out) throws IOException {
        List<PdfWriter.Page> ps = new ArrayList<>();
        for (MapPage p : pages) {
            ps.add(new PdfWriter.Page(layout, p));
        }
        PdfWriter.write(ps, trace, out, monitor);
    }
}
