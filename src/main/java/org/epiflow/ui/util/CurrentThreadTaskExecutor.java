package org.epiflow.ui.util;

/**
 * Runs work immediately on the calling thread and calls back on it: deterministic, for view-model tests.
 * Progress updates are delivered one by one, so a test may cancel from inside a progress callback.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
        SimpleTaskHandle handle = new SimpleTaskHandle();
        TaskContext context = new TaskContext() {
            @Override
            public void progress(String stage, double fraction) {
                callbacks.onProgress().accept(stage, fraction);
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }
        };
        T result;
        try {
            result = work.run(context);
        } catch (Exception e) {
            callbacks.onFailure().accept(e);
            return handle;
        }
        callbacks.onSuccess().accept(result);
        return handle;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
    }
}
