package org.epiflow.map;

/** Label and legend language. */
public enum Language {
    ZH, EN;

    /** The words of the shared catalogues in this language (legends, notes, page texts). */
    public org.epiflow.text.Texts texts() {
        return org.epiflow.text.Texts.of(this == ZH ? org.epiflow.text.Texts.CHINESE : org.epiflow.text.Texts.ENGLISH);
    }

    /** Chinese or English text, falling back to the other, then to {@code fallback}. */
    public String pick(String zh, String en, String fallback) {
        String a = this == ZH ? zh : en, b = this == ZH ? en : zh;
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}
