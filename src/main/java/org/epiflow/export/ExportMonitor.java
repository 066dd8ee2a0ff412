package org.epiflow.export;

/**
 * What a running export reports to and asks of its caller: pages done, and whether to stop. Called from the
 * exporting thread.
 */
public interface ExportMonitor {
    /** A monitor that ignores progress and never cancels. */
    ExportMonitor NONE = new ExportMonitor() {
    };

    /** {@code done} of {@code total} pages, slides or frames are written. */
    default void progress(int done, int total) {
    }

    /** True when the caller wants the export to stop. */
    default boolean cancelled() {
        return false;
    }

    /** Throws {@link ExportCancelledException} when cancelled. */
    default void check() {
        if (cancelled()) {
            throw new ExportCancelledException();
        }
    }
}
