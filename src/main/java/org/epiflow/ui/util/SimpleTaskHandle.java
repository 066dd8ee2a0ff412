package org.epiflow.ui.util;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation flag shared by a {@link TaskHandle} and the {@link TaskContext} of the same work. */
class SimpleTaskHandle implements TaskHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
