package org.epiflow.bench;

import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.FlowGeometry;
import org.epiflow.map.FlowScale;
import org.epiflow.map.Java2DPainter;
import org.epiflow.map.Java2DRenderer;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapViewport;
import org.epiflow.map.layer.SceneLayer;
import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.model.AggregateDataset;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.epiflow.bench.Stats.median;
import static org.epiflow.bench.Stats.percentile;

/**
 * Times the flow map: time-slider step (re-aggregate a day + redraw flows over the cached basemap), pan/zoom frames,
 * and a naive single-threaded Java2D draw of the same arcs, on a synthetic gravity-model dataset over the real
 * prefecture seats.
 */
public final class MapBench {
    private final int width;
    private final int height;
    private final int arcs;
    private final int dayRows;
    private final int days;
    private final int frames;
    private final boolean javafxCanvas;
    private final Path png;

    /** {@code png}: a folder for fast.png, java2d.png (or {@code null}). */
    public MapBench(int width, int height, int arcs, int dayRows, int days, int frames, boolean javafxCanvas,
                    Path png) {
        this.width = width;
        this.height = height;
        this.arcs = arcs;
        this.dayRows = dayRows;
        this.days = days;
        this.frames = frames;
        this.javafxCanvas = javafxCanvas;
        this.png = png;
    }

    public void run(PrintWriter out) throws Exception {
        long t0 = System.nanoTime();
        Basemap basemap = BasemapLoader.loadFromClasspath();
        BasemapGeometry geo = new BasemapGeometry(basemap);
        AggregateDataset data = SyntheticNetworks.gravityStrongest(SyntheticNetworks.seatRegions(basemap.seats(), 7),
                days, dayRows, 10, 7);
        out.printf("dataset: %d regions, %d days x %,d rows (%,d rows); basemap + data in %.0f ms; %dx%d, %d threads%n",
                data.regions().size(), days, dayRows, data.flows().rowCount(), (System.nanoTime() - t0) / 1e6,
                width, height, 2);
        MapViewport china = MapViewport.china(width, height);
        FlowQuery query = new FlowQuery(data);
        try (FastMapRenderer fast = new FastMapRenderer(2)) {
            // the app's default view (top 200, rolled up to provinces at the national view), then prefecture
            // flows: the top N, and every flow of the day
            for (int c = 0; c < 3; c++) {
                int topN = c == 0 ? 200 : c == 1 ? arcs : 0;
                boolean provinces = c == 0;
                String what = c == 0 ? "default view: top 200 between provinces" : topN == 0
                        ? "all flows of the day" : "top " + topN;
                out.printf("%n== %s ==%n", what);
                FlowSpec base = FlowSpec.day(0).withTopN(topN).withProvinces(provinces);
                FlowSet first = query.run(base);
                // lock the scale on the first day, as the view does when stepping through dates
                FlowScale scale = FlowScale.auto(first, FlowScale.Type.SQRT).lock();
                MapScene scene = MapScene.builder(geo, china).flows(first).scale(scale).build();
                int[] target = new int[width * height];
                fast.renderInto(scene, target, FastMapRenderer.Quality.FULL);
                FlowGeometry g0 = scene.flowGeometry();
                out.printf("arcs drawn %,d of %,d in the set (%,d matched); skipped: %,d sub-pixel, %,d shorter than"
                        + " %.0f px, %,d off screen; mean chord %.0f px; %s%n", g0.arcCount(), first.size(),
                        first.matchedCount(), g0.skippedFaint(), g0.skippedShort(), FlowGeometry.MIN_CHORD,
                        g0.skippedOffscreen(), meanChord(g0), widthSummary(g0));

                // time-slider step
                List<Double> step = new ArrayList<>(), q = new ArrayList<>(), fl = new ArrayList<>(),
                        lab = new ArrayList<>();
                for (int i = 0; i < frames + 10; i++) {
                    long s = System.nanoTime();
                    FlowSet f = query.run(base.withDay(i % days));
                    long s1 = System.nanoTime();
                    scene = scene.withFlows(f);
                    FastMapRenderer.FrameStats st = fast.renderInto(scene, target, FastMapRenderer.Quality.FULL);
                    long e = System.nanoTime();
                    if (i >= 10) {
                        step.add((e - s) / 1e6);
                        q.add((s1 - s) / 1e6);
                        fl.add((e - s1) / 1e6 - st.labelsMs() - st.basemapMs());
                        lab.add(st.labelsMs());
                    }
                }
                double stepMs = median(step);
                out.printf("time-slider step (query + geometry + raster + labels over cached basemap): median %.1f ms"
                        + " (p90 %.1f; goal <= 33)%n", stepMs, percentile(step, 0.9));
                out.printf("  of which: query %.1f ms, flows+symbols geometry and raster %.1f ms, labels %.1f ms%n",
                        median(q), median(fl), median(lab));

                // pan / zoom
                List<Double> inter = new ArrayList<>(), full = new ArrayList<>();
                MapViewport v = china;
                for (int i = 0; i < frames + 5; i++) {
                    v = i % 2 == 0 ? v.pan(9, -5) : v.zoomAbout(i % 4 == 1 ? 1.1 : 1 / 1.1, width * 0.6,
                            height * 0.45);
                    MapScene sc = scene.withViewport(v);
                    long s = System.nanoTime();
                    fast.renderInto(sc, target, FastMapRenderer.Quality.INTERACTIVE);
                    long e = System.nanoTime();
                    fast.invalidate();
                    MapScene sc2 = scene.withViewport(v);
                    long s2 = System.nanoTime();
                    fast.renderInto(sc2, target, FastMapRenderer.Quality.FULL);
                    long e2 = System.nanoTime();
                    if (i >= 5) {
                        inter.add((e - s) / 1e6);
                        full.add((e2 - s2) / 1e6);
                    }
                }
                out.printf("pan/zoom frame, interactive (cached basemap shifted/scaled + flows redrawn): median %.1f ms"
                        + " = %.0f fps (goal >= 30)%n", median(inter), 1000 / median(inter));
                out.printf("pan/zoom frame, full (basemap redrawn with Java2D on 2 threads + flows): median %.1f ms"
                        + " = %.0f fps%n", median(full), 1000 / median(full));

                // naive path: single-threaded Java2D antialiased draw of the same arcs over the basemap
                MapScene sn = scene.withViewport(china);
                fast.renderInto(sn, target, FastMapRenderer.Quality.FULL);
                BufferedImage base2d = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
                Graphics2D bg = base2d.createGraphics();
                Java2DPainter bp = new Java2DPainter(bg);
                for (SceneLayer l : sn.sceneLayers()) {
                    if (!l.followsFlows() && l.shows(sn)) {
                        l.paint(sn, bp);
                    }
                }
                bg.dispose();
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
                List<Double> naive = new ArrayList<>();
                int naiveFrames = Math.max(3, topN == 0 ? frames / 8 : frames / 2);
                for (int i = 0; i < naiveFrames + 2; i++) {
                    FlowSet f = query.run(base.withDay(i % days));
                    MapScene s2 = sn.withFlows(f);
                    long s = System.nanoTime();
                    Graphics2D g = img.createGraphics();
                    g.drawImage(base2d, 0, 0, null);
                    Java2DPainter p = new Java2DPainter(g);
                    for (SceneLayer l : s2.sceneLayers()) {
                        if (l.followsFlows() && l.shows(s2)) {
                            l.paint(s2, p);
                        }
                    }
                    g.dispose();
                    long e = System.nanoTime();
                    if (i >= 2) {
                        naive.add((e - s) / 1e6);
                    }
                }
                double n = median(naive);
                out.printf("naive (Java2D, 1 thread, antialiased, same arcs/symbols/labels over a ready basemap): "
                        + "median %.1f ms; ratio naive/fast %.1fx%n", n, n / stepMs);
                if (javafxCanvas) {
                    List<MapScene> scenes = new ArrayList<>();
                    for (int i = 0; i < naiveFrames + 2; i++) {
                        scenes.add(sn.withFlows(query.run(base.withDay(i % days))));
                    }
                    canvasBaseline(out, base2d, scenes, new Java2DPainter(img.createGraphics()), stepMs);
                } else {
                    out.println("  (add --javafx-canvas under xvfb-run to time the naive JavaFX Canvas path too)");
                }
                if (png != null) {
                    Files.createDirectories(png);
                    String suffix = c == 0 ? "-default" : topN == 0 ? "-all" : "";
                    fast.renderInto(sn, target, FastMapRenderer.Quality.FULL);
                    BufferedImage fi = FastMapRenderer.wrap(target.clone(), width, height);
                    ImageIO.write(fi, "png", png.resolve("fast" + suffix + ".png").toFile());
                    ImageIO.write(Java2DRenderer.render(sn), "png", png.resolve("java2d" + suffix + ".png").toFile());
                }
            }
            comparisonStep(out, fast, geo, data, china);
        }
    }

    /**
     * The time-slider step with a comparison shown (issue 15): each day against the same weekday a week earlier,
     * change in trips, the top {@code arcs} pairs of largest change with the diverging scale locked on the first
     * step; per step: the comparison of both days (difference, totals), its arcs and places, geometry and raster.
     */
    private void comparisonStep(PrintWriter out, FastMapRenderer fast, BasemapGeometry geo, AggregateDataset data,
                                MapViewport china) throws Exception {
        if (days < 8) {
            out.printf("%n== comparison: needs at least 8 days (--days), skipped ==%n");
            return;
        }
        out.printf("%n== comparison: top %d changes, each day against a week earlier ==%n", arcs);
        org.epiflow.model.Period period = data.info().period();
        int[] target = new int[width * height];
        MapScene scene = null;
        org.epiflow.map.MapComparison locked = null;
        List<Double> step = new ArrayList<>(), compute = new ArrayList<>(), values = new ArrayList<>(),
                draw = new ArrayList<>();
        for (int i = 0; i < frames + 10; i++) {
            int day = 7 + i % (days - 7);
            long s = System.nanoTime();
            java.time.LocalDate d = period.day(day), b = period.day(day - 7);
            org.epiflow.data.compare.BaselinePeriod bp = org.epiflow.data.compare.BaselinePeriod.align(
                    new org.epiflow.model.Period(d, d), new org.epiflow.model.Period(b, b),
                    org.epiflow.data.compare.Alignment.DATE);
            org.epiflow.data.compare.Comparison c = org.epiflow.data.compare.Comparison.of(data,
                    org.epiflow.data.DayRange.of(day), null, bp, List.of(), false, false);
            // as the app's render worker does: the period's own flows too (tooltips, totals of the frame)
            c.flows(FlowSpec.day(day).withTopN(arcs));
            long s1 = System.nanoTime();
            org.epiflow.map.MapComparison mc = org.epiflow.map.MapComparison.of(c,
                    org.epiflow.map.FlowMeasure.CHANGE, org.epiflow.map.FlowValues.PairFilter.ALL, arcs,
                    org.epiflow.map.SymbolMeasure.TOTAL, false);
            if (locked == null) {
                locked = mc;   // scales locked on the first step, as the view does when stepping through dates
            } else {
                mc = mc.withScales(locked.arcScale(), locked.placeScale());
            }
            long s2 = System.nanoTime();
            scene = scene == null ? MapScene.builder(geo, china).comparison(mc).build() : scene.withComparison(mc);
            fast.renderInto(scene, target, FastMapRenderer.Quality.FULL);
            long e = System.nanoTime();
            if (i >= 10) {
                step.add((e - s) / 1e6);
                compute.add((s1 - s) / 1e6);
                values.add((s2 - s1) / 1e6);
                draw.add((e - s2) / 1e6);
            }
        }
        out.printf("time-slider step with a comparison (comparison + arcs + places + geometry + raster + labels): "
                + "median %.1f ms (p90 %.1f; goal <= 33); arcs drawn %,d%n", median(step), percentile(step, 0.9),
                scene.flowGeometry().arcCount());
        out.printf("  of which: comparison of both days and the day's flows %.1f ms, arcs' and places' values %.1f ms, "
                + "scene + drawing %.1f ms (medians)%n", median(compute), median(values), median(draw));
    }

    private static double meanChord(FlowGeometry g) {
        double sum = 0;
        for (int a = 0; a < g.arcCount(); a++) {
            int s = g.start(a), e = g.end(a) - 1;
            sum += Math.hypot(g.x(e) - g.x(s), g.y(e) - g.y(s));
        }
        return g.arcCount() == 0 ? 0 : sum / g.arcCount();
    }

    private static String widthSummary(FlowGeometry g) {
        int hair = 0;
        double max = 0;
        for (int a = 0; a < g.arcCount(); a++) {
            hair += g.isHairline(a) ? 1 : 0;
            max = Math.max(max, 2 * g.halfWidth(g.start(a)));
        }
        return String.format("%,d hairlines (< 1 px), widest %.1f px", hair, max);
    }

    private static void canvasBaseline(java.io.PrintWriter out, BufferedImage basemap, List<MapScene> scenes,
                                       org.epiflow.map.TextMetrics metrics, double stepMs) {
        var baseline = java.util.ServiceLoader.load(org.epiflow.map.NaiveScreenBaseline.class).findFirst();
        if (baseline.isEmpty()) {
            out.println("naive JavaFX Canvas: not available in this build");
            return;
        }
        try {
            List<Double> ms = baseline.get().time(basemap, scenes, metrics);
            List<Double> timed = ms.subList(Math.min(2, ms.size() - 1), ms.size());
            double n = median(timed);
            out.printf("naive (%s, antialiased, one draw call per shape, incl. rasterisation): median %.1f ms; "
                    + "ratio naive/fast %.1fx%n", baseline.get().name(), n, n / stepMs);
        } catch (Exception | Error e) {
            out.println("naive JavaFX Canvas: could not run (" + e + "); run under xvfb-run");
        }
    }
}
