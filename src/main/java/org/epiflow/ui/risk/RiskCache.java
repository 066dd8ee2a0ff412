package org.epiflow.ui.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finished runs in memory, keyed by bundle fingerprint and settings; the least recently used go first. */
public final class RiskCache {
    /** Cache key. */
    public record Key(String fingerprint, RiskSettings settings) {
    }

    private final int capacity;
    private final Map<Key, RiskRun> runs;

    public RiskCache(int capacity) {
        this.capacity = capacity;
        this.runs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, RiskRun> e) {
                return size() > RiskCache.this.capacity;
            }
        };
    }

    public Optional<RiskRun> get(String fingerprint, RiskSettings s) {
        return Optional.ofNullable(runs.get(new Key(fingerprint, s)));
    }

    public void put(RiskRun run) {
        runs.put(new Key(run.fingerprint(), run.settings()), run);
    }

    public int size() {
        return runs.size();
    }

    public void clear() {
        runs.clear();
    }
}
