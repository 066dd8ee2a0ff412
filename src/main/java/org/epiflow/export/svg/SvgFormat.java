package org.epiflow.export.svg;

import org.epiflow.export.ExportMonitor;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.MapFormatWriter;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** SVG: the first page as vectors; paper pages carry their size in millimetres. */
public final class SvgFormat implements MapFormatWriter {
    @Override
    public void write(List<MapPage> pages, PrintLayout layout, ExportOptions options, Trace trace,
                      ExportMonitor monitor, OutputStream out) throws IOException {
        MapPage page = pages.get(0);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PageSpec ps = layout.page();
        String pw = ps.paper() == null ? null : mm(ps.width() * PageSpec.mmPerUnit());
        String ph = ps.paper() == null ? null : mm(ps.height() * PageSpec.mmPerUnit());
        SvgCanvas c = new SvgCanvas(w, pw, ph).metadata(page.title(), page.trace().summary());
        try {
            LayoutPainter.paint(c, layout, page);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        monitor.progress(1, 1);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2fmm", v);
    }
}
