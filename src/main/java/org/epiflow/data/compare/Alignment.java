package org.epiflow.data.compare;

import java.util.Locale;
import java.util.Optional;

/** How the days of a baseline line up with the days of the period it is compared with. */
public enum Alignment {
    /** Day i of the period against day i of the baseline as given. */
    DATE("date"),
    /** As given, moved by up to three days so that Monday meets Monday. */
    WEEKDAY("weekday"),
    /** By days from the Lunar New Year: the n-th day after Spring Festival against the n-th day after it. */
    LUNAR_NEW_YEAR("lunar-new-year");

    private final String cliName;

    Alignment(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in saved views ({@code date}, {@code weekday}, {@code lunar-new-year}). */
    public String cliName() {
        return cliName;
    }

    /** The message key of its name for people. */
    public String messageKey() {
        return "data.compare.align." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Alignment> fromCliName(String name) {
        for (Alignment a : values()) {
            if (a.cliName.equalsIgnoreCase(name.trim()) || a.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
