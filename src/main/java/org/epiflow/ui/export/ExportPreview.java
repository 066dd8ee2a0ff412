package org.epiflow.ui.export;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageSpec;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dialog's preview: the first page of the export exactly as it will be written (the same options, layout and
 * pages), drawn small in the background; at most one drawing at a time, changes meanwhile folded into the next.
 */
final class ExportPreview {
    /** Longest side of the preview image in pixels (about). */
    static final int SIZE = 720;

    private final Messages messages;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Object engine;
    private final Supplier<ExportSource> source;
    private final Supplier<LocalDate[]> dates;
    private final Supplier<ExportOptions> options;
    private final ObjectProperty<BufferedImage> image = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private boolean inFlight;
    private boolean pending;

    /**
     * @param source  the bundle shown (null: none)
     * @param dates   the first and last date exported (null: none)
     * @param options builds the export options (may throw IllegalArgumentException for settings that cannot work)
     * @param engine  the lock every use of the export engine holds
     */
    ExportPreview(Messages messages, TaskExecutor executor, Clock clock, Supplier<ExportSource> source,
                  Supplier<LocalDate[]> dates, Supplier<ExportOptions> options, Object engine) {
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
        this.source = source;
        this.dates = dates;
        this.options = options;
        this.engine = engine;
    }

    /** Draws the preview of the export the settings describe now. */
    void refresh() {
        if (inFlight) {
            pending = true;
            return;
        }
        ExportSource src = source.get();
        LocalDate[] d = dates.get();
        if (src == null || d == null) {
            image.set(null);
            text.set(messages.get("export.preview.none"));
            return;
        }
        ExportOptions o;
        try {
            o = options.get();
        } catch (IllegalArgumentException e) {
            image.set(null);
            text.set(messages.get("export.preview.invalid", e.getMessage()));
            return;
        }
        if (o.format().isTable()) {
            image.set(null);
            text.set(messages.get("export.preview.table"));
            return;
        }
        ExportFormat format = o.format();
        PrintLayout full = Exporter.layout(o);
        PageSpec page = full.page();
        int pdpi = (int) Math.round(SIZE * PageSpec.UNITS_PER_INCH / Math.max(page.width(), page.height()));
        pdpi = Math.max(PageSpec.MIN_DPI, Math.min(pdpi, PageSpec.MAX_DPI));
        PageSpec small = new PageSpec(page.width(), page.height(), pdpi, page.paper());
        PrintLayout layout = PrintLayout.of(small, full.header(), o.subtitle() == null || !o.subtitle().isEmpty());
        ExportOptions onPage = o.copy().page(small);
        LocalDate from = d[0], to = format.isMultiFrame() ? d[0] : d[1];
        inFlight = true;
        text.set(messages.get("export.preview.rendering"));
        executor.execute(ctx -> {
            synchronized (engine) {
                List<MapPage> pages = new Exporter(src, clock).pages(onPage, from, to);
                return PageRaster.render(layout, pages.get(0));
            }
        }, TaskCallbacks.<BufferedImage>of(img -> {
            inFlight = false;
            image.set(img);
            text.set("");
            again();
        }, e -> {
            inFlight = false;
            image.set(null);
            text.set(messages.get("export.preview.failed", String.valueOf(e.getMessage())));
            again();
        }));
    }

    private void again() {
        if (pending) {
            pending = false;
            refresh();
        }
    }

    ObjectProperty<BufferedImage> imageProperty() {
        return image;
    }

    StringProperty textProperty() {
        return text;
    }
}
