package org.epiflow.data.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The damage found in this session, once per item, with listeners (the app shows each as it is found). */
final class DamageLog {
    private final Map<String, Damage> found = new LinkedHashMap<>();
    private final List<Consumer<Damage>> listeners = new CopyOnWriteArrayList<>();

    /** Reports damage; the listeners hear of it the first time for each item. */
    void report(Damage d) {
        boolean first;
        synchronized (found) {
            first = found.putIfAbsent(d.area() + "/" + d.key(), d) == null;
        }
        if (first) {
            for (Consumer<Damage> l : listeners) {
                try {
                    l.accept(d);
                } catch (RuntimeException ignored) {
                    // a listener's failure must not stop the store that found the damage
                }
            }
        }
    }

    List<Damage> all() {
        synchronized (found) {
            return List.copyOf(new ArrayList<>(found.values()));
        }
    }

    void listen(Consumer<Damage> listener) {
        listeners.add(listener);
    }
}
