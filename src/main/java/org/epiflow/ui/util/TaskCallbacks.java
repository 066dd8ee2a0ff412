package org.epiflow.ui.util;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What happens on the UI thread when background work reports progress, succeeds or fails.
 *
 * @param onSuccess  receives the result
 * @param onFailure  receives the exception thrown by the work
 * @param onProgress receives (stage, fraction)
 * @param <T>        the result
 */
public record TaskCallbacks<T>(Consumer<T> onSuccess, Consumer<Exception> onFailure,
                               BiConsumer<String, Double> onProgress) {
    public TaskCallbacks {
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(onProgress, "onProgress");
    }

    public static <T> TaskCallbacks<T> of(Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        return new TaskCallbacks<>(onSuccess, onFailure, (s, f) -> { });
    }

    public TaskCallbacks<T> withProgress(BiConsumer<String, Double> progress) {
        return new TaskCallbacks<>(onSuccess, onFailure, progress);
    }
}
