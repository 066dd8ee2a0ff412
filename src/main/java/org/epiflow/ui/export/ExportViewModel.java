package org.epiflow.ui.export;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportSource;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;
import org.epiflow.map.Language;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.risk.HeatmapViewModel;
import org.epiflow.ui.session.SessionServices;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskExecutor;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The export dialog's state, in four parts: the {@linkplain PageSettings format and page}, {@linkplain
 * ContentSettings what of the current view} is shown, the {@linkplain TextSettings words} (titles, marking,
 * language), and the work: a {@linkplain ExportPreview preview} of the first page and the {@linkplain ExportJob
 * export} itself with progress and Cancel. {@link #options()} is the one place the current view becomes
 * {@link ExportOptions}, for the preview and the file alike. Settings are remembered in a preferences node.
 */
public final class ExportViewModel {
    private final Messages messages;
    private final FileChooserService files;
    private final Supplier<ExportSource> source;
    private final ExportSettings settings;
    private final PageSettings page = new PageSettings();
    private final ContentSettings content = new ContentSettings();
    private final TextSettings text;
    private final CurrentView view;
    private final ExportPreview preview;
    private final ExportJob job;
    private final StringProperty folder = new SimpleStringProperty();

    /**
     * @param map      the map whose extent, filters, selection and heatmap are exported
     * @param heatmap  the risk panel's heatmap (its legend and model), or null
     * @param timeline the timeline whose day or range is exported
     * @param services where exports are recorded (audit trail)
     * @param source   the bundle shown, its basemap and the officer's key id; null when nothing is open
     * @param prefs    the node the settings are remembered in
     */
    public ExportViewModel(Messages messages, TaskExecutor executor, DialogService dialogs, FileChooserService files,
                           MapViewModel map, HeatmapViewModel heatmap, TimelineViewModel timeline,
                           SessionServices services, Supplier<ExportSource> source, Preferences prefs, Clock clock) {
        this.messages = messages;
        this.files = files;
        this.source = source;
        this.text = new TextSettings(messages);
        this.view = new CurrentView(map, timeline, new CurrentHeatmap(map, heatmap, messages));
        Object engine = new Object();
        this.preview = new ExportPreview(messages, executor, clock, source, this::period, this::options, engine);
        this.job = new ExportJob(messages, executor, dialogs, services, clock, engine);
        this.settings = new ExportSettings(prefs);
        settings.restore(this);
        // Chinese first: when the user switches the app's language, pages follow (they may still choose another)
        messages.localeProperty().addListener((o, x, l) -> text.languageProperty().set(messages.chinese()
                ? Language.ZH : Language.EN));
    }

    /** How "Open folder" and "Open file" reach the desktop (the app gives the real one; tests a recorder). */
    public void setDesktop(org.epiflow.ui.util.DesktopService desktop) {
        job.setDesktop(desktop);
    }

    /** As above, without a risk panel. */
    public ExportViewModel(Messages messages, TaskExecutor executor, DialogService dialogs, FileChooserService files,
                           MapViewModel map, TimelineViewModel timeline, SessionServices services,
                           Supplier<ExportSource> source, Preferences prefs, Clock clock) {
        this(messages, executor, dialogs, files, map, null, timeline, services, source, prefs, clock);
    }

    /** The handling marking presets, in both languages (the page language's first). */
    public List<String> markingPresets() {
        return text.markingPresets();
    }

    /** Every setting that changes the preview. */
    public Observable[] dependencies() {
        List<Observable> all = new ArrayList<>();
        all.addAll(Arrays.asList(page.dependencies()));
        all.addAll(Arrays.asList(content.dependencies()));
        all.addAll(Arrays.asList(text.dependencies()));
        return all.toArray(new Observable[0]);
    }

    /** True when something can be exported (a bundle is shown). */
    public boolean available() {
        return source.get() != null;
    }

    /** The page the settings ask for (PPTX: always a slide; a pixel size is laid out as on screen, 96 dpi). */
    public PageSpec page() {
        return page.page();
    }

    /** The export options built from the settings and the map's current view. */
    public ExportOptions options() {
        ExportFormat f = page.formatProperty().get();
        ExportOptions o = new ExportOptions().format(f).language(text.languageProperty().get())
                .title(blankToNull(text.titleProperty().get())).subtitle(blankToNull(text.subtitleProperty().get()))
                .marking(text.markingProperty().get()).frameDelayMillis(content.delayProperty().get());
        if (!f.isTable()) {
            o.page(page.page());
        }
        view.applyTo(o, content);
        if (f.isTable()) {
            o.table(content.tableProperty().get());
        }
        return o;
    }

    /** The first and last date exported: the timeline's first day, or its range. */
    public LocalDate[] period() {
        return view.period(content.datesProperty().get());
    }

    /** A file name for the export, e.g. {@code epiflow-2020-01-20.png}. */
    public String suggestedName() {
        LocalDate[] d = period();
        String when = d == null ? "" : d[0].equals(d[1]) ? "-" + d[0] : "-" + d[0] + "_" + d[1];
        return "epiflow" + when + "." + page.formatProperty().get().extension();
    }

    /** Renders the preview of the first page in the background (coalesced: at most one render at a time). */
    public void refreshPreview() {
        preview.refresh();
    }

    /** Asks where to save (with the format's extension), then exports there. */
    public void chooseAndExport() {
        String ext = page.formatProperty().get().extension();
        Path initial = startFolder().resolve(suggestedName());
        Optional<Path> target = files.saveFile(messages.get("export.chooser.title"), initial,
                messages.get("export.chooser.filter", ext.toUpperCase(Locale.ROOT)), "*." + ext);
        target.ifPresent(this::export);
    }

    /** Exports to {@code file} in the background (adding the extension when missing), then records it. */
    public void export(Path file) {
        if (job.busyProperty().get()) {
            return;
        }
        ExportSource src = source.get();
        LocalDate[] d = period();
        if (src == null || d == null) {
            job.fail(org.epiflow.text.Message.of("export.error.nothing"), null);
            return;
        }
        ExportOptions o;
        try {
            o = options();
        } catch (IllegalArgumentException e) {
            job.fail(org.epiflow.text.Problems.reason(e), e);
            return;
        }
        Path out = ExportJob.withExtension(file, o.format().extension());
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            folder.set(dir.toString());
        }
        settings.save(this);
        job.start(src, o, d[0], d[1], out);
    }

    /** Stops the running export; nothing is written. */
    public void cancel() {
        job.cancel();
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

    public PageSettings pageSettings() {
        return page;
    }

    public ContentSettings content() {
        return content;
    }

    public TextSettings text() {
        return text;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return page.formatProperty();
    }

    public ObjectProperty<PageSettings.SizeMode> sizeModeProperty() {
        return page.sizeModeProperty();
    }

    public ObjectProperty<Paper> paperProperty() {
        return page.paperProperty();
    }

    public BooleanProperty landscapeProperty() {
        return page.landscapeProperty();
    }

    public IntegerProperty dpiProperty() {
        return page.dpiProperty();
    }

    public IntegerProperty widthProperty() {
        return page.widthProperty();
    }

    public IntegerProperty heightProperty() {
        return page.heightProperty();
    }

    public BooleanProperty flowsProperty() {
        return content.flowsProperty();
    }

    /** Whether the heatmap is exported (only when the map shows one). */
    public BooleanProperty heatmapProperty() {
        return content.heatmapProperty();
    }

    public BooleanProperty symbolsProperty() {
        return content.symbolsProperty();
    }

    public BooleanProperty labelsProperty() {
        return content.labelsProperty();
    }

    public BooleanProperty currentExtentProperty() {
        return content.currentExtentProperty();
    }

    public BooleanProperty filtersProperty() {
        return content.filtersProperty();
    }

    public BooleanProperty selectedRegionProperty() {
        return content.selectedRegionProperty();
    }

    public ObjectProperty<ContentSettings.Dates> datesProperty() {
        return content.datesProperty();
    }

    public StringProperty titleProperty() {
        return text.titleProperty();
    }

    public StringProperty subtitleProperty() {
        return text.subtitleProperty();
    }

    public StringProperty markingProperty() {
        return text.markingProperty();
    }

    public ObjectProperty<Language> languageProperty() {
        return text.languageProperty();
    }

    public ObjectProperty<ExportOptions.TableKind> tableProperty() {
        return content.tableProperty();
    }

    /** GIF frame delay (ms). */
    public IntegerProperty delayProperty() {
        return content.delayProperty();
    }

    /** The folder of the last export. */
    public StringProperty folderProperty() {
        return folder;
    }

    public BooleanProperty busyProperty() {
        return job.busyProperty();
    }

    /** Progress of the running export (0..1, negative while unknown). */
    public DoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }

    public ObjectProperty<BufferedImage> previewProperty() {
        return preview.imageProperty();
    }

    /** Shown instead of the preview (rendering, table formats, nothing open, errors). */
    public StringProperty previewTextProperty() {
        return preview.textProperty();
    }

    public ObjectProperty<Path> lastExportProperty() {
        return job.lastExportProperty();
    }
}
