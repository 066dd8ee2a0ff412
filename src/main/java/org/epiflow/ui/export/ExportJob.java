package org.epiflow.ui.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.export.ExportCancelledException;
import org.epiflow.export.ExportMonitor;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportResult;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.session.SessionServices;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskContext;
import org.epiflow.ui.util.TaskExecutor;
import org.epiflow.ui.util.TaskHandle;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One export at a time, in the background: progress page by page (slides, frames), Cancel (nothing is written: the
 * temporary file is removed), then the export is recorded in the officer's audit trail and the user told where the
 * file is.
 */
final class ExportJob {
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final SessionServices services;
    private final Clock clock;
    private final Object engine;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final org.epiflow.ui.i18n.LocalText status;
    private final ObjectProperty<Path> lastExport = new SimpleObjectProperty<>();
    private org.epiflow.ui.util.DesktopService desktop = org.epiflow.ui.util.DesktopService.NONE;
    private TaskHandle handle;

    ExportJob(Messages messages, TaskExecutor executor, DialogService dialogs, SessionServices services, Clock clock,
              Object engine) {
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.services = services;
        this.clock = clock;
        this.engine = engine;
        this.status = messages.text();
    }

    /** How "Open folder" and "Open file" reach the desktop. */
    void setDesktop(org.epiflow.ui.util.DesktopService desktop) {
        this.desktop = desktop == null ? org.epiflow.ui.util.DesktopService.NONE : desktop;
    }

    /** The file an export to {@code file} writes: with the format's extension added when missing. */
    static Path withExtension(Path file, String extension) {
        String ext = "." + extension;
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext) ? file
                : file.resolveSibling(file.getFileName() + ext);
    }

    /** Exports {@code o} over [from, to] to {@code out} in the background, then records it. */
    void start(ExportSource src, ExportOptions o, LocalDate from, LocalDate to, Path out) {
        busy.set(true);
        progress.set(-1);
        status.show("export.running", out.getFileName());
        handle = executor.execute(ctx -> {
            ctx.progress("export", -1);
            if (services == null) {
                throw new IllegalStateException("no workspace to record the export in");
            }
            ExportResult r;
            synchronized (engine) {
                // written to a temporary file, recorded in the audit trail, then moved into place (fail-closed)
                r = services.publishExport(out, o.format().extension(), src.bundleId(),
                        tmp -> new Exporter(src, clock).export(o, from, to, tmp, monitor(ctx)));
            }
            ctx.progress("record", 1);
            return r;
        }, TaskCallbacks.<ExportResult>of(r -> {
            busy.set(false);
            handle = null;
            progress.set(1);
            lastExport.set(out);
            status.show("export.done", out.toAbsolutePath().toString());
            offerToShow(out);
        }, e -> {
            busy.set(false);
            handle = null;
            progress.set(0);
            if (org.epiflow.text.Problems.unwrap(e) instanceof ExportCancelledException c) {
                status.show(c.message());
                return;
            }
            fail(org.epiflow.text.Message.of("export.error.failed", out.toAbsolutePath().toString(),
                    org.epiflow.text.Problems.reason(e)), e);
        }).withProgress((stage, f) -> {
            if (busy.get()) {
                progress.set(f);
            }
        }));
    }

    private static ExportMonitor monitor(TaskContext ctx) {
        return new ExportMonitor() {
            @Override
            public void progress(int done, int total) {
                ctx.progress("export", total <= 0 ? -1 : 0.95 * done / total);
            }

            @Override
            public boolean cancelled() {
                return ctx.isCancelled();
            }
        };
    }

    /** Asks the running export to stop. */
    void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    void fail(org.epiflow.text.Message message, Exception e) {
        status.show(message);
        dialogs.showError(messages.get("export.title"), messages.get("export.error.header"), status.get(),
                e == null ? null : messages.get("export.error.details", String.valueOf(e)));
    }

    /** Says where the export went and offers to open its folder or the file itself. */
    private void offerToShow(Path out) {
        int choice = dialogs.showInfo(messages.get("export.title"), status.get(),
                java.util.List.of(messages.get("export.openFolder"), messages.get("export.openFile")));
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

    BooleanProperty busyProperty() {
        return busy;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    org.epiflow.ui.i18n.LocalText statusProperty() {
        return status;
    }

    ObjectProperty<Path> lastExportProperty() {
        return lastExport;
    }
}
