package org.epiflow.bench;

import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.export.ExportLayer;
import org.epiflow.export.RiskHeatmap;
import org.epiflow.map.Language;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportResult;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.model.AggregateDataset;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Times exports of the demo's busiest day: A4 landscape PDF and PNG at 300 dpi with the top N arcs, a GIF of
 * 30 days, and slide decks of 29 days (time and size: the figure).
 */
public final class ExportBench {
    private final int arcs;
    private final int runs;
    private final int frames;
    private final String gifSize;
    private final Path keep;
    private final int slides;
    private final int slideArcs;

    /** {@code keep}: a folder to keep the files in, or {@code null}. */
    public ExportBench(int arcs, int runs, int frames, String gifSize, Path keep) {
        this(arcs, runs, frames, gifSize, keep, 29, 200);
    }

    /**
     * @param slides    days in the slide deck (the deck: 29)
     * @param slideArcs top N flows on each slide (the map's default filter: 200)
     */
    public ExportBench(int arcs, int runs, int frames, String gifSize, Path keep, int slides, int slideArcs) {
        this.arcs = arcs;
        this.runs = runs;
        this.frames = frames;
        this.gifSize = gifSize;
        this.keep = keep;
        this.slides = slides;
        this.slideArcs = slideArcs;
    }

    public void run(PrintWriter out) throws Exception {
        long t0 = System.nanoTime();
        DemoScenario demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED);
        AggregateDataset data = demo.dataset();
        BasemapGeometry geo = new BasemapGeometry(BasemapLoader.loadFromClasspath());
        int best = 0;
        for (int d = 1; d < data.flows().dayCount(); d++) {
            if (data.flows().totalTrips(d) > data.flows().totalTrips(best)) {
                best = d;
            }
        }
        LocalDate day = data.info().period().day(best);
        out.printf("demo: %d regions, %d days, %,d flow cells; busiest day %s (%,d cells); ready in %.1f s; %d cpus%n",
                data.regions().size(), data.flows().dayCount(), data.flows().rowCount(), day,
                data.flows().endRow(best) - data.flows().firstRow(best), (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        Exporter x = new Exporter(new ExportSource(data, geo, data.info().bundleId(), data.info().issuer(),
                "BENC-H000-0000-0000", "bench"), Clock.systemUTC());
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("epiflow-bench-export-");
        try {
            PageSpec a4 = PageSpec.paper(Paper.A4, true, 300);
            int arcsDrawn = x.pages(new ExportOptions().format(ExportFormat.PDF).page(a4).topN(arcs), day, day)
                    .get(0).scene().flowGeometry().arcCount();
            out.printf("arcs drawn: %,d of top %,d%n", arcsDrawn, arcs);
            time(out, x, "PDF A4 landscape 300 dpi", new ExportOptions().format(ExportFormat.PDF).page(a4)
                    .topN(arcs), day, day, dir.resolve("bench.pdf"), runs, 3000);
            time(out, x, "PNG A4 landscape 300 dpi (3508x2480)", new ExportOptions().format(ExportFormat.PNG)
                    .page(a4).topN(arcs), day, day, dir.resolve("bench.png"), runs, 3000);
            String[] wh = gifSize.toLowerCase().split("x");
            LocalDate first = data.info().period().start();
            LocalDate last = first.plusDays(Math.min(frames, data.flows().dayCount()) - 1L);
            time(out, x, "GIF " + frames + " frames " + gifSize, new ExportOptions().format(ExportFormat.GIF)
                    .page(PageSpec.pixels(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 96)).topN(arcs),
                    first, last, dir.resolve("bench.gif"), Math.min(runs, 2), 15000);
            LocalDate lastSlide = first.plusDays(Math.min(slides, data.flows().dayCount()) - 1L);
            ExportOptions deck = new ExportOptions().format(ExportFormat.PPTX).topN(slideArcs)
                    .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.SYMBOLS, ExportLayer.LABELS, ExportLayer.HEATMAP))
                    .heatmap(riskHeatmap(demo)).marking("内部资料 仅限疫情防控使用");
            timeDeck(out, x, "PPTX " + slides + " slides, top " + slideArcs + ", importation heatmap", deck, first,
                    lastSlide, dir.resolve("bench.pptx"), Math.min(runs, 3));
            ExportOptions heavy = new ExportOptions().format(ExportFormat.PPTX).topN(arcs)
                    .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.SYMBOLS, ExportLayer.LABELS, ExportLayer.HEATMAP));
            timeDeck(out, x, "PPTX " + slides + " slides, top " + arcs + ", trips heatmap per day", heavy, first,
                    lastSlide, dir.resolve("bench-heavy.pptx"), Math.min(runs, 2));
        } finally {
            if (keep == null) {
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    /**
     * The heatmap a briefing deck shows: expected imported infections (importation model on the demo's reported
     * cases), the same on every slide as a risk heatmap on screen is.
     */
    private static ExportHeatmap riskHeatmap(DemoScenario demo) throws Exception {
        AggregateDataset data = demo.dataset();
        StringWriter csv = new StringWriter();
        demo.cases().writeCsv(csv, "cases");
        CaseTable cases = new CaseCsvReader(data.info().period(), data.regions(), false)
                .read(new StringReader(csv.toString()), "cases.csv");
        RiskOutcome run = RiskModels.run(RiskRequest.of(RiskModel.IMPORTATION, data).withCases(cases));
        return RiskHeatmap.of(run, data, "expected_imported", RiskHeatmap.Classification.defaults(), false,
                Language.ZH);
    }

    /** Times a slide deck: the figure the issue names is its time and size (goals 5 s, 10 MB). */
    private static void timeDeck(PrintWriter out, Exporter x, String what, ExportOptions o, LocalDate a, LocalDate b,
                                 Path file, int runs) throws Exception {
        x.export(o, a, b, file);
        List<Long> ms = new ArrayList<>();
        ExportResult r = null;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r = x.export(o, a, b, file);
            ms.add((System.nanoTime() - s) / 1_000_000);
        }
        long med = (long) Stats.median(ms);
        long bytes = Files.size(file);
        out.printf("%-40s median %,6d ms of %s (goal <= 5,000 ms: %s); %d slides, %,d bytes = %.1f MB "
                        + "(goal <= 10 MB: %s)%n", what, med, ms, med <= 5000 ? "met" : "NOT met", r.pages(), bytes,
                bytes / 1e6, bytes <= 10_000_000 ? "met" : "NOT met");
    }

    private static void time(PrintWriter out, Exporter x, String what, ExportOptions o, LocalDate a, LocalDate b,
                             Path file, int runs, long goalMs) throws Exception {
        x.export(o, a, b, file);
        List<Long> ms = new ArrayList<>();
        ExportResult r = null;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r = x.export(o, a, b, file);
            ms.add((System.nanoTime() - s) / 1_000_000);
        }
        long med = (long) Stats.median(ms);
        out.printf("%-40s median %,6d ms of %s (goal <= %,d ms: %s); %d page(s), %,d bytes%n", what, med, ms,
                goalMs, med <= goalMs ? "met" : "NOT met", r.pages(), Files.size(file));
    }
}
