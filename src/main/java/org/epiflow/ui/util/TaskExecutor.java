package org.epiflow.ui.util;

/**
 * Runs work off the UI thread and brings its results back to it. View-models use only this interface, so tests run
 * them with {@link CurrentThreadTaskExecutor} (everything synchronous and deterministic) and the application with
 * {@link FxTaskExecutor} (worker threads, callbacks on the JavaFX application thread).
 */
public interface TaskExecutor {
    /** Starts the work; the callbacks run on the UI thread. */
    <T> TaskHandle execute(BackgroundWork<T> work, TaskCallbacks<T> callbacks);

    /** Runs an action on the UI thread (later, or now in the synchronous implementation). */
    void onUiThread(Runnable action);

    /** Stops accepting work; running work is asked to cancel. */
    void shutdown();
}
