package org.epiflow.ui.util;

/** A submitted piece of background work. */
public interface TaskHandle {
    /** Asks the work to stop; it sees {@link TaskContext#isCancelled()} become true. Callbacks still arrive. */
    void cancel();

    boolean isCancelled();
}
