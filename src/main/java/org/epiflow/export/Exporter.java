package org.epiflow.export;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.pdf.PdfWriter;
import org.epiflow.export.pptx.PptxWriter;
import org.epiflow.export.raster.GifWriter;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.export.raster.PngWriter;
import org.epiflow.export.svg.SvgCanvas;
import org.epiflow.export.table.CsvTableWriter;
import org.epiflow.export.table.Table;
import org.epiflow.export.table.Tables;
import org.epiflow.export.layout.LayoutPainter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The export entry point for the app's dialog and the {@code epiflow export} command:
 * <pre>{@code
 * Exporter x = new Exporter(ExportSource.of(opened, basemapGeometry, identity.keyId()), Clock.systemUTC());
 * x.export(new ExportOptions().format(ExportFormat.PDF).page(PageSpec.paper(Paper.A4, true, 300))
 *          .marking("内部资料 仅限疫情防控使用"), from, to, Path.of("brief.pdf"));
 * }</pre>
 * PNG, SVG and PDF show one date or the sum of a period; GIF and PPTX give one frame / slide per day of the range;
 * CSV and XLSX hold the table chosen by {@link ExportOptions#table()}. Not thread-safe; one export at a time.
 */
public final class Exporter {
    private final ExportSource source;
    private final Clock clock;

    public Exporter(ExportSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The trace of an export made now. */
    public Trace trace(ExportOptions o) {
        return new Trace("", source.bundleId(), source.issuer(), source.fingerprint(), source.officerKeyId(),
                clock.instant(), "", o.marking(), source.k());
    }

    /** The print layout the options ask for (PPTX: the picture under the slide's title band). */
    public static PrintLayout layout(ExportOptions o) {
        if (o.format() == ExportFormat.PPTX) {
            return PptxWriter.pictureLayout(Math.max(o.page().dpi(), 144));
        }
        return PrintLayout.of(o.page(), true, o.subtitle() == null || !o.subtitle().isEmpty());
    }

    /** The pages a map export of [from, to] would hold (what the dialog may preview). */
    public List<MapPage> pages(ExportOptions o, LocalDate from, LocalDate to) {
        DayRange r = MapPages.days(source.data().info().period(), from, to);
        return MapPages.build(source, o, r, o.format().isMultiFrame(), layout(o), trace(o));
    }

    /** Writes the export to a file (through a temporary file in the same folder, moved into place when done). */
    public ExportResult export(ExportOptions o, LocalDate from, LocalDate to, Path out) throws IOException {
        return toFile(out, os -> export(o, from, to, os));
    }

    /**
     * One PPTX deck from several views or focus regions: the slides of each options object in turn (one per day of
     * [from, to] each), all with the layout of the first.
     */
    public ExportResult exportSlides(List<ExportOptions> views, LocalDate from, LocalDate to, Path out)
            throws IOException {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no views");
        }
        return toFile(out, os -> {
            long t0 = System.nanoTime();
            PrintLayout layout = PptxWriter.pictureLayout(Math.max(views.get(0).page().dpi(), 144));
            List<MapPage> pages = new ArrayList<>();
            for (ExportOptions v : views) {
                v.format(ExportFormat.PPTX);
                pages.addAll(MapPages.build(source, v, MapPages.days(source.data().info().period(), from, to), true,
                        layout, trace(v)));
            }
            PptxWriter.write(pages, layout, pages.get(0).trace(), os);
            return new ExportResult(ExportFormat.PPTX, pages.size(), (System.nanoTime() - t0) / 1_000_000,
                    pages.get(0).trace());
        });
    }

    private interface Writing {
        ExportResult to(OutputStream out) throws IOException;
    }

    /** Writes through a temporary file beside {@code out}, moved into place when complete. */
    private static ExportResult toFile(Path out, Writing w) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".epiflow-export-", ".part");
        try {
            ExportResult r;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                r = w.to(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return r;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the export to a stream (not closed). */
    public ExportResult export(ExportOptions o, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        long t0 = System.nanoTime();
        int n;
        Trace trace;
        if (o.format().isTable()) {
            Table t = table(o, from, to);
            trace = trace(o).withTitle(o.title() != null ? o.title() : t.name()).withPeriod(
                    from.equals(to) ? from.toString() : from + " – " + to);
            if (o.format() == ExportFormat.CSV) {
                CsvTableWriter.write(t, trace, out);
            } else {
                org.epiflow.export.table.XlsxTableWriter.write(t, trace, out);
            }
            n = t.rows().size();
        } else {
            PrintLayout layout = layout(o);
            List<MapPage> pages = pages(o, from, to);
            trace = pages.get(0).trace();
            n = pages.size();
            switch (o.format()) {
                case PNG -> PngWriter.write(PageRaster.render(layout, pages.get(0)), layout.page().dpi(), trace, out);
                case SVG -> writeSvg(layout, pages.get(0), out);
                case PDF -> {
                    List<PdfWriter.Page> ps = new ArrayList<>();
                    for (MapPage p : pages) {
                        ps.add(new PdfWriter.Page(layout, p));
                    }
                    PdfWriter.write(ps, trace, out);
                }
                case PPTX -> PptxWriter.write(pages, layout, trace, out);
                case GIF -> {
                    try (GifWriter gif = new GifWriter(out, o.frameDelayMillis(), trace)) {
                        for (MapPage p : pages) {
                            gif.add(PageRaster.render(layout, p));
                        }
                    }
                }
                default -> throw new IllegalStateException(o.format().toString());
            }
        }
        out.flush();
        return new ExportResult(o.format(), n, (System.nanoTime() - t0) / 1_000_000, trace);
    }

    private static void writeSvg(PrintLayout layout, MapPage page, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PageSpec ps = layout.page();
        String pw = ps.paper() == null ? null : mm(ps.width() * PageSpec.mmPerUnit());
        String ph = ps.paper() == null ? null : mm(ps.height() * PageSpec.mmPerUnit());
        SvgCanvas c = new SvgCanvas(w, pw, ph).metadata(page.title(), page.trace().summary());
        try {
            LayoutPainter.paint(c, layout, page);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2fmm", v);
    }

    /** The table a CSV/XLSX export of [from, to] holds. */
    public Table table(ExportOptions o, LocalDate from, LocalDate to) {
        DayRange r = MapPages.days(source.data().info().period(), from, to);
        return switch (o.table()) {
            case PARTNERS -> {
                if (o.focusRegion() == null) {
                    throw new IllegalArgumentException("the partners table needs a region (--region CODE)");
                }
                int region = source.data().regions().indexOf(o.focusRegion());
                if (region < 0) {
                    throw new IllegalArgumentException("region " + o.focusRegion() + " is not in the bundle");
                }
                yield Tables.partners(source.data(), region, r, o.language(), o.topN());
            }
            case RANKING -> Tables.ranking(new FlowQuery(source.data()).run(FlowSpec.range(r)
                    .withProvinces(o.provinces())), o.language(), o.topN());
            case FLOWS -> {
                FlowSpec spec = FlowSpec.range(r).withTopN(o.topN()).withMinVolume(o.minVolume())
                        .withProvinces(o.provinces());
                if (o.focusRegion() != null) {
                    int region = source.data().regions().indexOf(o.focusRegion());
                    if (region < 0) {
                        throw new IllegalArgumentException("region " + o.focusRegion() + " is not in the bundle");
                    }
                    spec = spec.withSelection(o.direction(), region);
                }
                FlowSet s = new FlowQuery(source.data()).run(spec);
                yield Tables.flows(s, o.language());
            }
        };
    }
}
