package org.epiflow.cli;

import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.Direction;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportLayer;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportResult;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;
import org.epiflow.export.RiskHeatmap;
import org.epiflow.export.RiskHeatmapComparison;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.Language;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code epiflow export}: a briefing map (PNG, SVG, PDF, PPTX, GIF) or table (CSV, XLSX) of an opened bundle. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = RiskModelOptions.Defaults.class,
        description = {"Export a briefing map or table of a bundle, traceable (officer, time, bundle fingerprint).",
                "PNG/SVG/PDF: one date, or the sum of --from..--to. GIF/PPTX: one frame/slide per day.",
                "CSV/XLSX: flows (default), a ranking, or the partners of --region; nothing below k.",
                "--heatmap MODEL:COLUMN draws a risk model's column (model options as for `epiflow risk`)."})
final class ExportCommand implements Callable<Integer> {
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, description = "the bundle (.epiflow)")
    Path bundle;

    @Mixin
    OfficerOptions officer;

    @Option(names = "--date", description = "one date (yyyy-mm-dd)")
    LocalDate date;

    @Option(names = "--from", description = "first date of a range")
    LocalDate from;

    @Option(names = "--to", description = "last date of a range")
    LocalDate to;

    @Option(names = "--format", required = true, description = "png, svg, pdf, pptx, gif, csv or xlsx")
    String format;

    @Option(names = "--out", required = true, description = "the file to write")
    Path out;

    @Option(names = "--layers", description = "map layers: flows,heatmap,symbols,labels (default flows,symbols,labels)")
    String layers;

    @Option(names = "--view", description = "a saved view (JSON, from `epiflow view export` or written by hand: "
            + "dates, extent, layers, filters, selected region; see docs/exports.md)")
    Path view;

    @Option(names = "--width", description = "image width in pixels (with --height)")
    Integer width;

    @Option(names = "--height", description = "image height in pixels (with --width)")
    Integer height;

    @Option(names = "--paper", description = "A4, A3 or slide (default: A4 landscape; slide for pptx)")
    String paper;

    @Option(names = "--landscape", description = "landscape paper (A4/A3 are portrait unless given)")
    boolean landscape;

    @Option(names = "--dpi", description = "raster resolution (default 300 on paper, 96 for pixel sizes; pptx: the "
            + "pictures' resolution, 96-288, default 144)")
    Integer dpi;

    @Option(names = "--title", description = "the title (default: inter-city trips and the date)")
    String title;

    @Option(names = "--subtitle", description = "the subtitle (\"\" for none)")
    String subtitle;

    @Option(names = "--marking", description = "handling marking, e.g. \"内部资料 仅限疫情防控使用\"")
    String marking;

    @Option(names = "--top", description = "the N largest flows (default 5000; 0 = all)")
    Integer top;

    @Option(names = "--min-volume", description = "drop flows below this volume")
    Long minVolume;

    @Option(names = "--region", split = ",", paramLabel = "CODE", description = "focus place(s): a region, province "
            + "or --group code; repeatable or CODE,CODE,…: zoom, highlight, their flows only")
    java.util.List<String> region = new java.util.ArrayList<>();

    @Option(names = "--direction", description = "with --region: incoming, outgoing, both or between (the flows "
            + "among the places given; default both)")
    Direction direction;

    @Option(names = "--provinces", description = "roll regions up to provinces")
    boolean provinces;

    @Option(names = "--table", description = "csv/xlsx: flows, ranking or partners")
    ExportOptions.TableKind table;

    @Option(names = "--delay", description = "gif: milliseconds per frame (default 600)")
    Integer delay;

    @Option(names = "--dark", description = "dark map style")
    boolean dark;

    @Option(names = "--heatmap", paramLabel = "MODEL:COLUMN", description = "draw a risk model's column as the "
            + "heatmap, e.g. importation:expected_imported (the model runs with the options below, as `epiflow "
            + "risk`; --from/--to are also its travel window)")
    String heatmap;

    @Option(names = "--classes", description = "with --heatmap: number of classes, 2-9 (default 5)")
    Integer classes;

    @Option(names = "--classify", paramLabel = "quantiles|equal|jenks|custom:B1,B2,...",
            description = "with --heatmap: how classes are made (default quantiles)")
    String classify;

    @Mixin
    RiskModelOptions modelOptions;

    @Option(names = "--baseline-from", paramLabel = "D", description = "compare with a baseline starting on this "
            + "date (as long as the period; with --baseline-to)")
    LocalDate baselineFrom;

    @Option(names = "--baseline-to", paramLabel = "D", description = "last date of the baseline")
    LocalDate baselineTo;

    @Option(names = "--baseline-bundle", paramLabel = "B", description = "read the baseline from another bundle of "
            + "the same geography (opened and checked like --bundle)")
    Path baselineBundle;

    @Option(names = "--align", paramLabel = "date|weekday|lunar-new-year", description = "how the baseline lines "
            + "up with the period (default date)")
    String align;

    @Option(names = "--measure", paramLabel = "trips|baseline|change|change_percent", description = "with a "
            + "baseline: what maps show, flows and a --heatmap column alike (default change; change-percent also "
            + "accepted); tables have every column")
    String measure;

    @Option(names = "--per-capita", description = "trips per 1,000 residents (of the origin for outflows, of the "
            + "destination for inflows); tables gain trips_per_1000")
    boolean perCapita;

    @Option(names = "--group", paramLabel = "NAME=CODE,CODE,...", description = "show these regions as one place "
            + "named NAME in every output (repeatable)")
    java.util.List<String> groups = new java.util.ArrayList<>();

    /** The saved view of {@code --view}, read once. */
    private ViewDefinition savedView;

    /** What {@code --heatmap} (or the saved view's heatmap) asks for. */
    record HeatmapRequest(RiskModel model, String column, RiskHeatmap.Classification how) {
    }

    private HeatmapRequest riskHeatmap;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = parse(() -> ExportFormat.parse(format));
        ExportOptions o = options(f);
        LocalDate a = date != null ? date : from, b = date != null ? date : to;
        if (a == null && savedView != null && savedView.dates() != null) {
            a = savedView.dates().start();
            b = savedView.dates().end();
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException(Message.of("cli.export.noFolder", String.valueOf(parent)));
        }
        BundleReader reader = new BundleReader(officer.trustStore());
        OpenedBundle opened;
        String keyId;
        ExportResult r;
        try (AgeIdentity id = officer.unlock();
             CliWorkspace ws = CliWorkspace.open(spec, id, officer.identity)) {
            keyId = id.keyId();
            opened = ws.openBundle(reader, bundle, officer.credentials(id));
            // the baseline bundle: --baseline-bundle, else the one the saved view's comparison names
            var named = baselineBundle == null && o.baseline() != null ? ViewBaseline.named(savedView) : null;
            Path baseFile = named != null ? ViewBaseline.file(named, view) : baselineBundle;
            if (baseFile != null) {
                OpenedBundle other = ws.openBundle(reader, baseFile, officer.credentials(id));
                if (named != null) {
                    ViewBaseline.check(named, other, baseFile);
                }
                if (!other.data().info().geographyLevel().equals(opened.data().info().geographyLevel())) {
                    throw new CliException(Message.of("cli.export.baselineGeography", baseFile.toString(),
                            other.data().info().geographyLevel(), opened.data().info().geographyLevel()), USAGE);
                }
                o.baseline(o.baseline().fromBundle(other.data(), other.header().bundleId(), other.fingerprint()));
            }
            BasemapGeometry basemap = f.isTable() ? null : new BasemapGeometry(BasemapLoader.loadFromClasspath());
            if (riskHeatmap != null) {
                // the travel window: the saved heatmap's, else the exported range (given, or the view's dates)
                boolean range = date == null && a != null && (from != null || !a.equals(b));
                RiskOutcome run = modelOptions.run(opened.data(), riskHeatmap.model(),
                        modelOptions.windowFrom != null ? modelOptions.windowFrom : range ? a : null,
                        modelOptions.windowTo != null ? modelOptions.windowTo : range ? b : null,
                        o.groups());
                var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
                ws.riskRun(run.result().model(), json.writeValueAsString(java.util.Map.of("command",
                        String.join(" ", spec.commandLine().getParseResult().originalArgs()))),
                        json.writeValueAsString(run.result().summary()), opened.header().bundleId());
                try {
                    var eb = o.baseline();
                    if (eb != null) {
                        var compared = RiskBaselineRun.compareMoved(modelOptions, run, a, eb.from(), eb.to(),
                                eb.alignment(), eb.data());
                        o.heatmap(RiskHeatmapComparison.of(compared, riskHeatmap.column(), eb.measure(),
                                o.perCapita(), riskHeatmap.how(), o.provinces(), o.language(), eb));
                    } else if (o.perCapita()) {
                        o.heatmap(RiskHeatmapComparison.perCapita(run, opened.data(), riskHeatmap.column(),
                                riskHeatmap.how(), o.provinces(), o.language()));
                    } else {
                        o.heatmap(RiskHeatmap.of(run, opened.data(), riskHeatmap.column(), riskHeatmap.how(),
                                o.provinces(), o.language()));
                    }
                } catch (IllegalArgumentException e) {
                    throw CliException.of(e, USAGE);
                }
            }
            Exporter x = new Exporter(ExportSource.of(opened, basemap, keyId), Clock.systemUTC());
            LocalDate first = a, last = b;
            try {
                r = ws.publish(out, f.name().toLowerCase(java.util.Locale.ROOT), opened.header().bundleId(),
                        tmp -> x.export(o, first, last, tmp));
            } catch (IllegalArgumentException e) {
                throw CliException.of(e, USAGE);
            }
        }
        Texts t = EpiflowCommand.texts(spec);
        String what = f.isTable() ? t.get("cli.export.rows", r.pages()) : t.get("cli.export.pages", r.pages())
                + (!f.usesDpi() ? ""
                : t.get("cli.export.listSeparator") + page(Exporter.layout(o).page(), t));
        spec.commandLine().getOut().println(t.get("cli.export.done", out, f.toString(), what, r.millis(),
                r.trace().bundleId(), r.trace().fingerprint()));
        return 0;
    }

    /** Checks the combination of options and builds the export options. */
    ExportOptions options(ExportFormat f) throws CliException {
        if (date != null && (from != null || to != null)) {
            throw new CliException(Message.of("cli.export.dateAndRange"), USAGE);
        }
        if (view != null) {
            try {
                savedView = ViewDefinition.read(view);
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw CliException.of(e, USAGE);
            }
        }
        boolean viewDates = savedView != null && savedView.dates() != null;
        if (date == null && (from == null || to == null) && !(viewDates && from == null && to == null)) {
            throw new CliException(Message.of(from == null && to == null
                    ? (view != null ? "cli.export.needDateView" : "cli.export.needDate")
                    : "cli.export.fromToTogether"), USAGE);
        }
        if ((width == null) != (height == null)) {
            throw new CliException(Message.of("cli.export.widthHeightTogether"), USAGE);
        }
        if (width != null && paper != null) {
            throw new CliException(Message.of("cli.export.sizeAndPaper"), USAGE);
        }
        if (landscape && paper == null) {
            throw new CliException(Message.of("cli.export.landscapeNeedsPaper"), USAGE);
        }
        String ext = out.getFileName().toString();
        int dot = ext.lastIndexOf('.');
        if (dot > 0 && !ext.substring(dot + 1).equalsIgnoreCase(f.extension())) {
            throw new CliException(Message.of("cli.export.extension", String.valueOf(out.getFileName()),
                    f.extension()), USAGE);
        }
        if (f.isTable()) {
            for (Object[] opt : new Object[][] {{"--layers", layers}, {"--width", width},
                    {"--paper", paper}, {"--dpi", dpi}, {"--delay", delay}}) {
                if (opt[1] != null) {
                    throw new CliException(Message.of("cli.export.mapOnly", opt[0], f.extension()), USAGE);
                }
            }
        } else if (table != null) {
            throw new CliException(Message.of("cli.export.tableOnly"), USAGE);
        }
        if (delay != null && !f.hasFrameDelay()) {
            throw new CliException(Message.of("cli.export.delayOnly", formatsWith(ExportFormat::hasFrameDelay)),
                    USAGE);
        }
        if (f.hasFixedPage() && (width != null || (paper != null
                && !paper.equalsIgnoreCase(f.capabilities().fixedPaper().name())))) {
            throw new CliException(Message.of("cli.export.pptxSize", f.extension()), USAGE);
        }
        riskHeatmap = heatmapRequest(f);
        ExportOptions o = new ExportOptions().format(f);
        ComparisonOptions.apply(this, o, savedView);
        if (riskHeatmap != null) {
            // per capita needs a count; a change in percent a column that has one (before anything is opened)
            var col = riskHeatmap.model().column(riskHeatmap.column()).orElseThrow();
            Message refused = RiskHeatmapComparison.refusal(col, o.baseline() == null
                    ? org.epiflow.map.FlowMeasure.TRIPS : o.baseline().measure(), o.perCapita());
            if (refused != null) {
                throw new CliException(refused, USAGE);
            }
        }
        if (savedView != null) {
            try {
                o.apply(savedView);
            } catch (IllegalArgumentException e) {
                throw CliException.of(e, USAGE);
            }
        }
        // --lang (inherited from epiflow) is also the page's language; without it pages are in Chinese
        Locale lang = EpiflowCommand.requested(spec);
        if (view == null || lang != null) {
            o.language(lang != null && !Texts.isChinese(lang) ? Language.EN : Language.ZH);
        }
        o.page(page(f));
        o.marking(marking);
        o.title(title);
        if (subtitle != null) {
            o.subtitle(subtitle);
        }
        if (dark) {
            o.style(org.epiflow.map.MapStyle.dark());
        }
        if (provinces) {
            o.provinces(true);
        }
        if (direction != null) {
            if (region.isEmpty() && o.focusRegion() == null) {
                throw new CliException(Message.of("cli.export.directionNeedsRegion"), USAGE);
            }
            o.direction(direction);
        }
        o.table(table);
        if (!region.isEmpty()) {
            o.focusRegions(region);
        }
        parse(() -> {
            if (layers != null) {
                o.layers(ExportLayer.parseList(layers));
            }
            if (top != null) {
                o.topN(top);
            }
            if (minVolume != null) {
                o.minVolume(minVolume);
            }
            if (delay != null) {
                o.frameDelayMillis(delay);
            }
            if (riskHeatmap != null) {
                var shown = o.layers();
                shown.add(ExportLayer.HEATMAP);
                o.layers(shown);
            }
            return o;
        });
        return o;
    }

    /**
     * The risk heatmap asked for by {@code --heatmap} (or the saved view), checked before anything is opened: the
     * model and its column exist, the classification is sound, model options come with a heatmap only.
     */
    private HeatmapRequest heatmapRequest(ExportFormat f) throws CliException {
        var parsed = spec.commandLine().getParseResult();
        String given = heatmap;
        String how = classify;
        Integer n = classes;
        // a table of a saved view takes its dates, filters, selection and comparison; its heatmap is a map's
        if (given == null && savedView != null && savedView.heatmap() != null && !f.isTable()) {
            var h = savedView.heatmap();
            given = h.model() + ":" + h.column();
            if (how == null && h.classify() != null) {
                how = h.classify().equals("custom") && h.breaks() != null ? "custom:" + String.join(",",
                        h.breaks().stream().map(String::valueOf).toList()) : h.classify();
            }
            n = n != null ? n : h.classes();
        }
        if (given == null) {
            for (String name : RiskModelOptions.NAMES) {
                if (parsed.hasMatchedOption(name)) {
                    throw new CliException(name + " applies with --heatmap MODEL:COLUMN", USAGE);
                }
            }
            if (classes != null || classify != null) {
                throw new CliException((classes != null ? "--classes" : "--classify") + " applies with --heatmap",
                        USAGE);
            }
            return null;
        }
        if (f.isTable()) {
            throw new CliException(Message.of("cli.export.heatmapMapOnly", f.extension()), USAGE);
        }
        int colon = given.indexOf(':');
        if (colon <= 0 || colon == given.length() - 1) {
            throw new CliException(Message.of("export.heatmap.spec", given).english(), USAGE);
        }
        String modelId = given.substring(0, colon).trim(), column = given.substring(colon + 1).trim();
        RiskModel model = RiskModel.byId(modelId).orElseThrow(() -> new CliException(
                Message.of("export.heatmap.model", modelId, RiskModel.ids()).english(), USAGE));
        if (model.column(column).isEmpty()) {
            throw new CliException(Message.of("export.heatmap.column", model.id(), column, String.join(", ",
                    model.columns().stream().map(org.epiflow.analytics.Column::name).toList())).english(), USAGE);
        }
        String method = classifyOr(how);
        int count = nOr(n);
        RiskHeatmap.Classification c = parse(() -> RiskHeatmap.Classification.parse(method, count));
        if (heatmap == null) {
            // the saved view's heatmap: its colours, and its run's window and sources unless given here
            var h = savedView.heatmap();
            org.epiflow.analytics.classify.ColorScheme scheme = null;
            if (h.scheme() != null) {
                try {
                    scheme = org.epiflow.analytics.classify.ColorScheme.valueOf(h.scheme().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CliException(Message.of("cli.export.heatmapScheme", h.scheme()), USAGE);
                }
            }
            c = c.withScheme(scheme, h.reversed());
            modelOptions.defaultsFrom(h.parameters(), parsed);
        }
        return new HeatmapRequest(model, column, c);
    }

    private static String classifyOr(String how) {
        return how == null ? "quantiles" : how;
    }

    private static int nOr(Integer n) {
        return n == null ? 5 : n;
    }

    private PageSpec page(ExportFormat f) throws CliException {
        return parse(() -> {
            if (f.hasFixedPage()) {
                return dpi == null ? f.defaultPage(null)
                        : f.page(PageSpec.paper(f.capabilities().fixedPaper(), true, dpi));
            }
            if (width != null) {
                return PageSpec.pixels(width, height, dpi == null ? 96 : dpi);
            }
            if (paper != null) {
                return PageSpec.paper(Paper.parse(paper), landscape, dpi == null ? 300 : dpi);
            }
            return f.defaultPage(dpi);
        });
    }

    /** The page, in words: "1,920 × 1,080 px" or "A4 landscape, 300 dpi". */
    private static String page(PageSpec p, Texts t) {
        if (p.paper() == null) {
            return t.get("cli.export.pixels", p.pixelWidth(), p.pixelHeight());
        }
        String paper = t.get("cli.export.paper." + p.paper().name());
        return p.paper() == Paper.SLIDE ? t.get("cli.export.slide", paper, p.dpi())
                : t.get(p.isLandscape() ? "cli.export.landscape" : "cli.export.portrait", paper, p.dpi());
    }

    /** "gif", "png, gif": the formats that can do something. */
    private static String formatsWith(java.util.function.Predicate<ExportFormat> p) {
        return String.join(", ", java.util.Arrays.stream(ExportFormat.values()).filter(p)
                .map(ExportFormat::extension).toList());
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> p) throws CliException {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw CliException.of(e, USAGE);
        }
    }
}
