package org.epiflow.ui.util;

/**
 * Work to run off the UI thread. It may report progress and should poll {@link TaskContext#isCancelled()}.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(TaskContext context) throws Exception;
}
