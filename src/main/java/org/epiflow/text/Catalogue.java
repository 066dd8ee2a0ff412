package org.epiflow.text;

/**
 * The message catalogues, one per area of the program, each {@code org/epiflow/text/<name>.properties} (English)
 * and {@code <name>_zh_CN.properties} (Simplified Chinese), UTF-8, values in {@link java.text.MessageFormat}
 * syntax (write {@code ''} for an apostrophe). A key lives in exactly one catalogue; its prefix names the area.
 * The app's own screens add {@code org/epiflow/ui/messages}.
 */
public enum Catalogue {
    /** Shared words: units, languages, dates, yes/no. Keys {@code common.*}. */
    COMMON("common"),
    /** Opening, checking and sealing bundles. Keys {@code bundle.*}, {@code age.*}, {@code minisign.*}. */
    BUNDLE("bundle"),
    /** Workspace, audit trail, demo, application folders, flow queries. Keys {@code data.*}, {@code workspace.*},
     *  {@code audit.*}. */
    DATA("data"),
    /** Spread-risk models, cases, classification. Keys {@code analytics.*}, {@code risk.*}, {@code cases.*}. */
    ANALYTICS("analytics"),
    /** Basemaps, boundary import, map legends. Keys {@code map.*}, {@code boundary.*}. */
    MAP("map"),
    /** Briefing exports: pages, legends, footers, tables. Keys {@code export.*}. */
    EXPORT("export"),
    /** The command line: summaries, refusals, usage. Keys {@code cli.*}. */
    CLI("cli");

    private final String name;

    Catalogue(String name) {
        this.name = name;
    }

    /** The resource bundle base name. */
    public String baseName() {
        return "org.epiflow.text." + name;
    }
}
