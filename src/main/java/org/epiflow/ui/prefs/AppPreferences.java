package org.epiflow.ui.prefs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs, in a {@link Preferences} node (tests pass a throw-away node). Only paths and
 * settings are stored, never a passphrase or key material.
 */
public final class AppPreferences {
    /** Most recent bundles remembered. */
    public static final int MAX_RECENT = 10;
    private static final String IDENTITY = "identityFile";
    private static final String TRUST = "trustStore";
    private static final String RECENT = "recent.";
    private static final String LANGUAGE = "language";
    private static final String THEME = "theme";
    private static final String BOUNDARIES = "officialBoundaries";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node for this application. */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node("org/epiflow/workstation"));
    }

    public Preferences node() {
        return node;
    }

    public Optional<Path> identityFile() {
        return path(IDENTITY);
    }

    public void setIdentityFile(Path p) {
        put(IDENTITY, p);
    }

    public Optional<Path> trustStore() {
        return path(TRUST);
    }

    public void setTrustStore(Path p) {
        put(TRUST, p);
    }

    /** The bureau's own official boundary file, when one was loaded (remembered for the next start). */
    public Optional<Path> officialBoundaries() {
        return path(BOUNDARIES);
    }

    /** Remembers the official boundary file; null goes back to the bundled illustrative boundaries. */
    public void setOfficialBoundaries(Path p) {
        put(BOUNDARIES, p);
    }

    /** Recent bundles, most recent first. */
    public List<Path> recentBundles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            path(RECENT + i).ifPresent(out::add);
        }
        return out;
    }

    /** Moves {@code p} to the front of the recent list. */
    public void addRecentBundle(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentBundles());
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                node.put(RECENT + i, list.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
        flush();
    }

    public LanguageChoice language() {
        return parse(LanguageChoice.class, node.get(LANGUAGE, ""), LanguageChoice.SYSTEM);
    }

    public void setLanguage(LanguageChoice c) {
        node.put(LANGUAGE, c.name());
        flush();
    }

    public Theme theme() {
        return parse(Theme.class, node.get(THEME, ""), Theme.LIGHT);
    }

    public void setTheme(Theme t) {
        node.put(THEME, t.name());
        flush();
    }

    private Optional<Path> path(String key) {
        String v = node.get(key, "");
        return v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    private void put(String key, Path p) {
        if (p == null) {
            node.remove(key);
        } else {
            node.put(key, p.toAbsolutePath().normalize().toString());
        }
        flush();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v, E fallback) {
        try {
            return v.isBlank() ? fallback : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the settings stay in memory for this run; nothing else depends on them being saved
        }
    }
}
