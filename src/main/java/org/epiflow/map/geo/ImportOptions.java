package org.epiflow.map.geo;

import java.nio.charset.Charset;

/**
 * How to read a boundary file. {@code null} members mean "detect".
 *
 * @param codeField   attribute holding the GB/T 2260 region code (detected: adcode, code, GB, 区划代码, …)
 * @param nameField   attribute holding the Chinese name (detected: name_zh, name, 名称, MC, …; optional)
 * @param nameEnField attribute holding the English name (detected: name_en, ename, …; optional)
 * @param dbfCharset  text encoding of a Shapefile's .dbf (default: the .cpg file, else UTF-8 with GBK fallback)
 */
public record ImportOptions(String codeField, String nameField, String nameEnField, Charset dbfCharset) {

    /** Detect everything. */
    public static ImportOptions auto() {
        return new ImportOptions(null, null, null, null);
    }

    public ImportOptions withCodeField(String field) {
        return new ImportOptions(field, nameField, nameEnField, dbfCharset);
    }

    public ImportOptions withNameFields(String zh, String en) {
        return new ImportOptions(codeField, zh, en, dbfCharset);
    }

    public ImportOptions withDbfCharset(Charset cs) {
        return new ImportOptions(codeField, nameField, nameEnField, cs);
    }
}
