package org.epiflow.ui.session;

import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.text.Message;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workspace's own thread: every workspace call of the session runs here, one after the other, so that a lock's
 * entry and close come after every record before it and before the next unlock's open. Callers on other threads
 * wait for the result ({@link #call}); nothing here runs on the UI thread.
 */
final class WorkspaceThread {
    private static final Logger LOG = Logger.getLogger(WorkspaceThread.class.getName());
    static final long WAIT_SECONDS = 120;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "epiflow-workspace");
        t.setDaemon(true);
        return t;
    });

    WorkspaceThread() {
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Work that returns a value and may fail. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code r} later, in order. */
    void execute(Runnable r) {
        try {
            thread.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "workspace thread stopped", e);
        }
    }

    /** Runs {@code r} every {@code period}, first after {@code period}. */
    ScheduledFuture<?> every(Duration period, Runnable r) {
        return thread.scheduleWithFixedDelay(r, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code r} once after {@code delay}. */
    ScheduledFuture<?> after(Duration delay, Runnable r) {
        return thread.schedule(r, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on the workspace thread and waits for it; its own exception is rethrown as it is. */
    <T> T call(Work<T> work) throws Exception {
        Callable<T> c = work::run;
        try {
            return thread.submit(c).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(WorkspaceException.Reason.CLOSED, Message.of("data.workspace.closed"), e);
        } catch (TimeoutException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, Message.of("data.workspace.timeout"), e);
        } catch (RejectedExecutionException e) {
            throw new WorkspaceException(WorkspaceException.Reason.CLOSED, Message.of("data.workspace.closed"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Waits until everything submitted so far has run. */
    void flush() {
        try {
            thread.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "workspace thread did not finish");
        } catch (RejectedExecutionException e) {
            // already stopped
        }
    }

    /** Finishes what was submitted and stops. */
    void shutdown() {
        flush();
        thread.shutdown();
        try {
            thread.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
