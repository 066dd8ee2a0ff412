package org.epiflow.ui.util;

/** What running work sees: a place to report progress and the cancellation flag. */
public interface TaskContext {
    /**
     * Reports progress; delivered to the UI thread (coalesced: only the latest update of a burst arrives).
     *
     * @param stage    what is happening, in the words of the layer below (the view-model translates)
     * @param fraction 0..1, or negative when unknown
     */
    void progress(String stage, double fraction);

    /** True once {@link TaskHandle#cancel()} was called. */
    boolean isCancelled();
}
