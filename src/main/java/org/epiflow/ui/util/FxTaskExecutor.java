package org.epiflow.ui.util;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on a small pool of daemon threads and calls back on the JavaFX application thread. Progress updates are
 * coalesced: while one is waiting to be shown, newer ones replace it, so a fast reader cannot flood the UI thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "epiflow-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle execute(BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
        SimpleTaskHandle handle = new SimpleTaskHandle();
        AtomicReference<Object[]> pending = new AtomicReference<>();
        TaskContext context = new TaskContext() {
            @Override
            public void progress(String stage, double fraction) {
                if (pending.getAndSet(new Object[] {stage, fraction}) == null) {
                    Platform.runLater(() -> {
                        Object[] p = pending.getAndSet(null);
                        if (p != null) {
                            callbacks.onProgress().accept((String) p[0], (Double) p[1]);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }
        };
        try {
            pool.execute(() -> {
                try {
                    T result = work.run(context);
                    Platform.runLater(() -> callbacks.onSuccess().accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> callbacks.onFailure().accept(e));
                } catch (Error e) {
                    Platform.runLater(() -> callbacks.onFailure().accept(new IllegalStateException(e)));
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            handle.cancel();
        }
        return handle;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
