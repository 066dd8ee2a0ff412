package org.epiflow.export;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.table.Table;
import org.epiflow.export.table.Tables;
import org.epiflow.text.Message;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The export entry point for the app's dialog and the {@code epiflow export} command:
 * <pre>{@code
 * Exporter x = new Exporter(ExportSource.of(opened, basemapGeometry, identity.keyId()), Clock.systemUTC());
 * x.export(new ExportOptions().format(ExportFormat.PDF).page(PageSpec.paper(Paper.A4, true, 300))
 *          .marking("内部资料 仅限疫情防控使用"), from, to, Path.of("brief.pdf"));
 * }</pre>
 * Formats that are not {@linkplain ExportFormat#isMultiFrame() per day} show one date or the sum of a period; GIF
 * and PPTX give one frame / slide per day of the range; CSV and XLSX hold the table chosen by
 * {@link ExportOptions#table()}. Each format's {@link FormatWriter} does the writing. Not thread-safe; one export at
 * a time.
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

    /** The print layout the options ask for, on the page the format uses. */
    public static PrintLayout layout(ExportOptions o) {
        ExportOptions on = o.copy().page(o.format().page(o.page()));
        return o.format().mapWriter().layout(on);
    }

    /** The pages a map export of [from, to] would hold (what the dialog may preview). */
    public List<MapPage> pages(ExportOptions o, LocalDate from, LocalDate to) {
        DayRange r = MapPages.days(source.data().info().period(), from, to);
        return MapPages.build(source, o, r, o.format().isMultiFrame(), layout(o), trace(o));
    }

    /** Writes the export to a file (through a temporary file in the same folder, moved into place when done). */
    public ExportResult export(ExportOptions o, LocalDate from, LocalDate to, Path out) throws IOException {
        return export(o, from, to, out, ExportMonitor.NONE);
    }

    /** As {@link #export(ExportOptions, LocalDate, LocalDate, Path)}, reporting to and cancelled by a monitor. */
    public ExportResult export(ExportOptions o, LocalDate from, LocalDate to, Path out, ExportMonitor monitor)
            throws IOException {
        return toFile(out, os -> export(o, from, to, os, monitor));
    }

    /**
     * One slide deck from several views or focus regions: the slides of each options object in turn (one per day of
     * [from, to] each), all with the layout of the first.
     */
    public ExportResult exportSlides(List<ExportOptions> views, LocalDate from, LocalDate to, Path out)
            throws IOException {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no views");
        }
        return toFile(out, os -> {
            long t0 = System.nanoTime();
            ExportOptions first = views.get(0).copy().format(ExportFormat.PPTX);
            PrintLayout layout = layout(first);
            List<MapPage> pages = new ArrayList<>();
            for (ExportOptions v : views) {
                ExportOptions slide = v.copy().format(ExportFormat.PPTX);
                pages.addAll(MapPages.build(source, slide, MapPages.days(source.data().info().period(), from, to),
                        true, layout, trace(slide)));
            }
            ExportFormat.PPTX.mapWriter().write(pages, layout, first, pages.get(0).trace(), ExportMonitor.NONE,
                    os);
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
        return export(o, from, to, out, ExportMonitor.NONE);
    }

    /** Writes the export to a stream (not closed), reporting to and cancelled by a monitor. */
    public ExportResult export(ExportOptions o, LocalDate from, LocalDate to, OutputStream out,
                               ExportMonitor monitor) throws IOException {
        long t0 = System.nanoTime();
        int n;
        Trace trace;
        monitor.check();
        if (o.format().isTable()) {
            Table t = table(o, from, to);
            String when = from.equals(to) ? from.toString() : PageText.range(o.language(), from.toString(),
                    to.toString());
            String base = ComparisonPages.baselineText(o.language(), ComparisonPages.align(source, o,
                    MapPages.days(source.data().info().period(), from, to)), o.baseline());
            when = base.isEmpty() ? when : when + " · " + base;
            trace = trace(o).withTitle(o.title() != null ? o.title() : t.name()).withPeriod(when);
            o.format().tableWriter().write(t, trace, out);
            n = t.rows().size();
            monitor.progress(1, 1);
        } else {
            ExportOptions on = o.copy().page(o.format().page(o.page()));
            PrintLayout layout = layout(on);
            List<MapPage> pages = MapPages.build(source, on, MapPages.days(source.data().info().period(), from, to),
                    on.format().isMultiFrame(), layout, trace(on));
            trace = pages.get(0).trace();
            n = pages.size();
            monitor.progress(0, n);
            on.format().mapWriter().write(pages, layout, on, trace, monitor, out);
        }
        out.flush();
        return new ExportResult(o.format(), n, (System.nanoTime() - t0) / 1_000_000, trace);
    }

    /** The table of a comparison, per-capita or grouped export. */
    private Table comparedTable(ExportOptions o, DayRange r) {
        var whole = ComparisonPages.align(source, o, r);
        var c = ComparisonPages.comparison(source, o, r, whole);
        boolean inflows = o.direction() == org.epiflow.data.Direction.INCOMING && o.focusRegion() != null;
        return switch (o.table()) {
            case PARTNERS -> {
                if (o.focusRegion() == null) {
                    throw new IllegalArgumentException(Message.of("export.table.needsRegion").english());
                }
                if (o.focusRegions().size() > 1) {
                    Message m = Message.of("export.table.partnersOne", o.focusRegions().size());
                    throw new IllegalArgumentException(m.english(),
                            new org.epiflow.data.compare.ComparisonException(m));
                }
                int focus = org.epiflow.data.compare.ComparedPartners.node(c, o.focusRegion());
                if (focus < 0) {
                    throw new IllegalArgumentException("region " + o.focusRegion() + " is not in the bundle");
                }
                yield org.epiflow.export.table.ComparisonTables.partners(c, focus, o.language(), o.topN());
            }
            case RANKING -> org.epiflow.export.table.ComparisonTables.ranking(c, o.language(), o.topN());
            case FLOWS -> {
                var keep = ComparisonPages.filter(c, source, o);
                yield org.epiflow.export.table.ComparisonTables.flows(c, ComparisonPages.flows(c, source, o),
                        keep::keep, o.topN(), inflows, o.language());
            }
        };
    }

    /** The table a CSV/XLSX export of [from, to] holds. */
    public Table table(ExportOptions o, LocalDate from, LocalDate to) {
        DayRange r = MapPages.days(source.data().info().period(), from, to);
        if (o.compares()) {
            return comparedTable(o, r);
        }
        return switch (o.table()) {
            case PARTNERS -> {
                if (o.focusRegion() == null) {
                    throw new IllegalArgumentException(Message.of("export.table.needsRegion").english());
                }
                if (o.focusRegions().size() > 1) {
                    Message m = Message.of("export.table.partnersOne", o.focusRegions().size());
                    throw new IllegalArgumentException(m.english(),
                            new org.epiflow.data.compare.ComparisonException(m));
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
                int[] focus = MapPages.focus(source, o);
                if (focus.length > 0) {
                    spec = spec.withSelection(o.direction(), focus);
                }
                FlowSet s = new FlowQuery(source.data()).run(spec);
                yield Tables.flows(s, o.language());
            }
        };
    }
}
