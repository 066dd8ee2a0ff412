package org.epiflow.ui.export;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.data.DayRange;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportLayer;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportResult;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;
import org.epiflow.export.SavedView;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.map.Language;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.session.SessionServices;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The export dialog's state: format, page size, what to show (the current view's extent, layers, filters, selected
 * region, the day or the timeline's range), titles, handling marking, language and table. Builds {@link ExportOptions}
 * from the map's current state, renders a small preview of the first page in the background, runs the export in the
 * background and records it in the officer's audit trail. Settings are remembered in a preferences node.
 */
public final class ExportViewModel {
    /** A paper page or a pixel size. */
    public enum SizeMode { PAPER, PIXELS }

    /** Which dates: the first day shown on the timeline, or its whole range (one frame / slide per day). */
    public enum Dates { DAY, RANGE }

    /** The DPI of pixel-sized pages: text and lines as large as on screen. */
    public static final int PIXEL_DPI = 96;

    /** Longest side of the preview image in pixels (about). */
    public static final int PREVIEW_SIZE = 720;

    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final MapViewModel map;
    private final TimelineViewModel timeline;
    private final SessionServices services;
    private final Supplier<ExportSource> source;
    private final Clock clock;
    private final ExportSettings settings;
    private final Object engine = new Object();

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PNG);
    private final ObjectProperty<SizeMode> sizeMode = new SimpleObjectProperty<>(SizeMode.PAPER);
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);
    private final BooleanProperty landscape = new SimpleBooleanProperty(true);
    private final IntegerProperty dpi = new SimpleIntegerProperty(300);
    private final IntegerProperty width = new SimpleIntegerProperty(1920);
    private final IntegerProperty height = new SimpleIntegerProperty(1080);
    private final BooleanProperty flows = new SimpleBooleanProperty(true);
    private final BooleanProperty heatmap = new SimpleBooleanProperty(true);
    private final BooleanProperty symbols = new SimpleBooleanProperty(true);
    private final BooleanProperty labels = new SimpleBooleanProperty(true);
    private final BooleanProperty currentExtent = new SimpleBooleanProperty(true);
    private final BooleanProperty filters = new SimpleBooleanProperty(true);
    private final BooleanProperty selectedRegion = new SimpleBooleanProperty(true);
    private final ObjectProperty<Dates> dates = new SimpleObjectProperty<>(Dates.RANGE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty marking = new SimpleStringProperty("");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<ExportOptions.TableKind> table =
            new SimpleObjectProperty<>(ExportOptions.TableKind.FLOWS);
    private final IntegerProperty delay = new SimpleIntegerProperty(600);
    private final StringProperty folder = new SimpleStringProperty();

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final org.epiflow.ui.i18n.LocalText status;
    private final ObjectProperty<BufferedImage> preview = new SimpleObjectProperty<>();
    private final org.epiflow.ui.i18n.LocalText previewText;
    private org.epiflow.ui.util.DesktopService desktop = org.epiflow.ui.util.DesktopService.NONE;
    private final ObjectProperty<Path> lastExport = new SimpleObjectProperty<>();
    private boolean previewInFlight;
    private boolean previewPending;

    /**
     * @param map      the map whose extent, filters and heatmap are exported
     * @param timeline the timeline whose day or range is exported
     * @param services where exports are recorded (audit trail)
     * @param source   the bundle shown, its basemap and the officer's key id; null when nothing is open
     * @param prefs    the node the settings are remembered in
     */
    public ExportViewModel(Messages messages, TaskExecutor executor, DialogService dialogs, FileChooserService files,
                           MapViewModel map, TimelineViewModel timeline, SessionServices services,
                           Supplier<ExportSource> source, Preferences prefs, Clock clock) {
        this.messages = messages;
        this.status = messages.text();
        this.previewText = messages.text();
        this.executor = executor;
        this.dialogs = dialogs;
        this.files = files;
        this.map = map;
        this.timeline = timeline;
        this.services = services;
        this.source = source;
        this.clock = clock;
        this.settings = new ExportSettings(prefs);
        language.set(messages.chinese() ? Language.ZH : Language.EN);
        marking.set(markingPresets().get(0));
        settings.restore(this);
        followLanguage(language.get());
        language.addListener((o, a, l) -> followLanguage(l));
        // Chinese first: when the user switches the app's language, pages follow (they may still choose another)
        messages.localeProperty().addListener((o, a, l) -> language.set(messages.chinese() ? Language.ZH
                : Language.EN));
    }

    /** How "Open folder" and "Open file" reach the desktop (the app gives the real one; tests a recorder). */
    public void setDesktop(org.epiflow.ui.util.DesktopService desktop) {
        this.desktop = desktop == null ? org.epiflow.ui.util.DesktopService.NONE : desktop;
    }

    /** The handling marking presets of a page language, most common first. */
    private List<String> presets(Language l) {
        return l == Language.EN
                ? List.of(messages.get("export.marking.preset.en"), messages.get("export.marking.preset.en.restricted"))
                : List.of(messages.get("export.marking.preset.zh"), messages.get("export.marking.preset.zh.internal"));
    }

    /**
     * A preset marking follows the page's language (an English marking never stays on a Chinese page); a marking
     * the user typed is theirs and stays.
     */
    private void followLanguage(Language page) {
        if (page == null) {
            return;
        }
        String m = marking.get();
        for (Language other : Language.values()) {
            int i = presets(other).indexOf(m);
            if (i >= 0) {
                marking.set(presets(page).get(i));
                return;
            }
        }
    }

    /** The handling marking presets, in both languages (the UI language's first). */
    public List<String> markingPresets() {
        String zh = messages.get("export.marking.preset.zh");
        String en = messages.get("export.marking.preset.en");
        String zh2 = messages.get("export.marking.preset.zh.internal");
        String en2 = messages.get("export.marking.preset.en.restricted");
        return messages.chinese() ? List.of(zh, zh2, en, en2) : List.of(en, en2, zh, zh2);
    }

    /** Every setting that changes the preview. */
    public Observable[] dependencies() {
        return new Observable[] {format, sizeMode, paper, landscape, dpi, width, height, flows, heatmap, symbols,
                labels, currentExtent, filters, selectedRegion, dates, title, subtitle, marking, language, table};
    }

    /** True when something can be exported (a bundle is shown). */
    public boolean available() {
        return source.get() != null;
    }

    /** The page the settings ask for (PPTX: always a slide; a pixel size is laid out as on screen, 96 dpi). */
    public PageSpec page() {
        if (format.get() == ExportFormat.PPTX) {
            return PageSpec.paper(Paper.SLIDE, true, Math.max(dpi.get(), 144));
        }
        if (sizeMode.get() == SizeMode.PIXELS) {
            return PageSpec.pixels(width.get(), height.get(), PIXEL_DPI);
        }
        return PageSpec.paper(paper.get(), landscape.get(), dpi.get());
    }

    /** The export options built from the settings and the map's current view. */
    public ExportOptions options() {
        ExportOptions o = new ExportOptions().format(format.get()).language(language.get())
                .title(blankToNull(title.get())).subtitle(blankToNull(subtitle.get())).marking(marking.get())
                .frameDelayMillis(delay.get());
        if (!format.get().isTable()) {
            o.page(page());
        }
        Set<ExportLayer> layers = EnumSet.noneOf(ExportLayer.class);
        if (flows.get()) {
            layers.add(ExportLayer.FLOWS);
        }
        if (heatmap.get() && map.heatmapProperty().get() != null) {
            layers.add(ExportLayer.HEATMAP);
        }
        if (symbols.get()) {
            layers.add(ExportLayer.SYMBOLS);
        }
        if (labels.get()) {
            layers.add(ExportLayer.LABELS);
        }
        o.layers(layers);
        if (filters.get()) {
            o.topN(map.filters().topNProperty().get()).minVolume(map.filters().minVolumeProperty().get())
                    .direction(map.filters().directionProperty().get())
                    .provinces(map.filters().provincesProperty().get());
        }
        if (selectedRegion.get() && focusable(map.selection().code())) {
            o.focusRegion(map.selection().code());
        }
        if (currentExtent.get()) {
            o.extent(extent(map.viewportProperty().get()));
        }
        if (map.themeProperty().get() == Theme.DARK) {
            o.style(MapStyle.dark());
        }
        if (format.get().isTable()) {
            o.table(table.get());
        }
        return o;
    }

    /** Whether the selected code is a region of the bundle (a province or a place outside it cannot be focused). */
    private boolean focusable(String code) {
        var data = map.datasetProperty().get();
        return code != null && !code.isEmpty() && data != null && data.regions().indexOf(code) >= 0;
    }

    /** The lon/lat box of what the map shows, or null. */
    static SavedView.Extent extent(MapViewport v) {
        if (v == null) {
            return null;
        }
        double w = 180, e = -180, s = 90, n = -90;
        for (double[] c : new double[][] {{0, 0}, {v.width(), 0}, {0, v.height()}, {v.width(), v.height()}}) {
            double[] ll = v.screenToLonLat(c[0], c[1]);
            w = Math.min(w, ll[0]);
            e = Math.max(e, ll[0]);
            s = Math.min(s, ll[1]);
            n = Math.max(n, ll[1]);
        }
        w = Math.max(-180, w);
        e = Math.min(180, e);
        s = Math.max(-90, s);
        n = Math.min(90, n);
        return w < e && s < n ? new SavedView.Extent(w, s, e, n) : null;
    }

    /** The first and last date exported: the timeline's first day, or its range. */
    public LocalDate[] period() {
        Period p = timeline.periodProperty().get();
        DayRange r = timeline.days();
        if (p == null || r == null) {
            return null;
        }
        LocalDate from = p.day(r.first());
        LocalDate to = dates.get() == Dates.DAY ? from : p.day(r.last());
        return new LocalDate[] {from, to};
    }

    /** A file name for the export, e.g. {@code epiflow-2020-01-20.png}. */
    public String suggestedName() {
        LocalDate[] d = period();
        String when = d == null ? "" : d[0].equals(d[1]) ? "-" + d[0] : "-" + d[0] + "_" + d[1];
        return "epiflow" + when + "." + format.get().extension();
    }

    /** Renders the preview of the first page in the background (coalesced: at most one render at a time). */
    public void refreshPreview() {
        if (previewInFlight) {
            previewPending = true;
            return;
        }
        ExportSource src = source.get();
        LocalDate[] d = period();
        if (src == null || d == null) {
            preview.set(null);
            previewText.show("export.preview.none");
            return;
        }
        if (format.get().isTable()) {
            preview.set(null);
            previewText.show("export.preview.table");
            return;
        }
        ExportOptions o;
        try {
            o = options();
            PageSpec full = o.page();
            int pdpi = (int) Math.round(PREVIEW_SIZE * PageSpec.UNITS_PER_INCH / Math.max(full.width(), full.height()));
            pdpi = Math.max(PageSpec.MIN_DPI, Math.min(pdpi, PageSpec.MAX_DPI));
            o.page(new PageSpec(full.width(), full.height(), pdpi, full.paper())).format(ExportFormat.PNG);
        } catch (IllegalArgumentException e) {
            preview.set(null);
            previewText.show("export.preview.invalid", org.epiflow.text.Problems.reason(e));
            return;
        }
        LocalDate from = d[0], to = format.get().isMultiFrame() ? d[0] : d[1];
        previewInFlight = true;
        previewText.show("export.preview.rendering");
        executor.execute(ctx -> {
            synchronized (engine) {
                Exporter ex = new Exporter(src, clock);
                List<MapPage> pages = ex.pages(o, from, to);
                PrintLayout layout = Exporter.layout(o);
                return PageRaster.render(layout, pages.get(0));
            }
        }, TaskCallbacks.<BufferedImage>of(img -> {
            previewInFlight = false;
            preview.set(img);
            previewText.clear();
            again();
        }, e -> {
            previewInFlight = false;
            preview.set(null);
            previewText.show("export.preview.failed", org.epiflow.text.Problems.reason(e));
            again();
        }));
    }

    private void again() {
        if (previewPending) {
            previewPending = false;
            refreshPreview();
        }
    }

    /** Asks where to save (with the format's extension), then exports there. */
    public void chooseAndExport() {
        String ext = format.get().extension();
        Path initial = startFolder().resolve(suggestedName());
        Optional<Path> target = files.saveFile(messages.get("export.chooser.title"), initial,
                messages.get("export.chooser.filter", ext.toUpperCase(Locale.ROOT)), "*." + ext);
        target.ifPresent(this::export);
    }

    /** Exports to {@code file} in the background (adding the extension when missing), then records it. */
    public void export(Path file) {
        ExportSource src = source.get();
        LocalDate[] d = period();
        if (busy.get()) {
            return;
        }
        if (src == null || d == null) {
            fail(org.epiflow.text.Message.of("export.error.nothing"), null);
            return;
        }
        ExportOptions o;
        try {
            o = options();
        } catch (IllegalArgumentException e) {
            fail(org.epiflow.text.Problems.reason(e), e);
            return;
        }
        String ext = "." + format.get().extension();
        Path out = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext) ? file
                : file.resolveSibling(file.getFileName() + ext);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            folder.set(dir.toString());
        }
        settings.save(this);
        busy.set(true);
        progress.set(-1);
        status.show("export.running", out.getFileName());
        executor.execute(ctx -> {
            ctx.progress("export", -1);
            if (services == null) {
                throw new IllegalStateException("no workspace to record the export in");
            }
            ExportResult r;
            synchronized (engine) {
                r = services.publishExport(out, o.format().extension(), src.bundleId(),
                        tmp -> new Exporter(src, clock).export(o, d[0], d[1], tmp));
            }
            return r;
        }, TaskCallbacks.<ExportResult>of(r -> {
            busy.set(false);
            progress.set(1);
            lastExport.set(out);
            status.show("export.done", out.toAbsolutePath().toString());
            offerToShow(out);
        }, e -> {
            busy.set(false);
            progress.set(0);
            fail(org.epiflow.text.Message.of("export.error.failed", out.toAbsolutePath().toString(),
                    org.epiflow.text.Problems.reason(e)), e);
        }).withProgress((stage, f) -> progress.set(f)));
    }

    private void fail(org.epiflow.text.Message message, Exception e) {
        status.show(message);
        dialogs.showError(messages.get("export.title"), messages.get("export.error.header"), status.get(),
                e == null ? null : messages.get("export.error.details", String.valueOf(e)));
    }

    /** Where the save dialog starts: the last export's folder while it exists, else Documents (or home). */
    Path startFolder() {
        Path remembered = null;
        if (folder.get() != null && !folder.get().isBlank()) {
            try {
                remembered = Path.of(folder.get());
            } catch (java.nio.file.InvalidPathException e) {
                remembered = null;
            }
        }
        return org.epiflow.ui.util.UserFolders.startIn(remembered);
    }

    /** Says where the export went and offers to open its folder or the file itself. */
    private void offerToShow(Path out) {
        int choice = dialogs.showInfo(messages.get("export.title"), status.get(),
                List.of(messages.get("export.openFolder"), messages.get("export.openFile")));
        if (choice < 0) {
            return;
        }
        org.epiflow.ui.util.DesktopService d = desktop;
        executor.execute(ctx -> {
            if (choice == 0) {
                d.showInFolder(out);
            } else {
                d.open(out);
            }
            return null;
        }, TaskCallbacks.of(x -> { }, e -> dialogs.showError(messages.get("export.title"),
                messages.get("export.openFailed"), messages.describe(e), null)));
    }

    /** Remembers the current settings. */
    public void save() {
        settings.save(this);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<SizeMode> sizeModeProperty() {
        return sizeMode;
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public BooleanProperty landscapeProperty() {
        return landscape;
    }

    public IntegerProperty dpiProperty() {
        return dpi;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty heightProperty() {
        return height;
    }

    public BooleanProperty flowsProperty() {
        return flows;
    }

    /** Whether the heatmap is exported (only when the map shows one). */
    public BooleanProperty heatmapProperty() {
        return heatmap;
    }

    public BooleanProperty symbolsProperty() {
        return symbols;
    }

    public BooleanProperty labelsProperty() {
        return labels;
    }

    /** Export the map's current extent (else: the focus region, or all of China). */
    public BooleanProperty currentExtentProperty() {
        return currentExtent;
    }

    /** Apply the map's flow filters (top N, minimum volume, direction, provinces). */
    public BooleanProperty filtersProperty() {
        return filters;
    }

    /** Focus on the selected region. */
    public BooleanProperty selectedRegionProperty() {
        return selectedRegion;
    }

    public ObjectProperty<Dates> datesProperty() {
        return dates;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subtitleProperty() {
        return subtitle;
    }

    public StringProperty markingProperty() {
        return marking;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<ExportOptions.TableKind> tableProperty() {
        return table;
    }

    /** GIF frame delay (ms). */
    public IntegerProperty delayProperty() {
        return delay;
    }

    /** The folder of the last export. */
    public StringProperty folderProperty() {
        return folder;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<BufferedImage> previewProperty() {
        return preview;
    }

    /** Shown instead of the preview (rendering, table formats, nothing open, errors). */
    public StringProperty previewTextProperty() {
        return previewText;
    }

    public ObjectProperty<Path> lastExportProperty() {
        return lastExport;
    }
}
