package org.epiflow.bundle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tables format v1 knows, with their declared columns in order (docs/bundle-format.md). */
public enum TableSpec {
    REGIONS("regions.csv", true, List.of("code", "name", "name_en", "level", "parent", "lat", "lon", "population"),
            Integer.MAX_VALUE),
    /** date (10), two codes (at most 32 each), a count (at most 9 digits) and three commas. */
    FLOWS("flows.csv", true, List.of("date", "origin", "destination", "trips"), 10 + 32 + 32 + 9 + 3),
    /** date (10), a code (at most 32), a count (at most 9 digits) and two commas. */
    RESIDENTS("residents.csv", false, List.of("date", "region", "residents"), 10 + 32 + 9 + 2);

    /**
     * Column names that suggest record-level data: subscriber, device or personal identifiers. A table with such a
     * column is refused with {@link AggregateRuleException.Rule#IDENTIFIER_COLUMN}.
     */
    static final Pattern IDENTIFIER = Pattern.compile(
            "(?i).*(msisdn|imsi|imei|iccid|phone|mobile|tel(ephone)?(_?no)?$|^tel|user|device|subscriber|"
                    + "customer|account|person|passport|id_?card|id_?number|e-?mail|mac_?addr|ip_?addr|cell_?id|"
                    + "^uid$|^id$|^name$|_name$|^name_|^lac$|^ci$|"
                    + "手机|电话|号码|用户|设备|身份证|姓名|账号|基站).*");

    private final String fileName;
    private final boolean required;
    private final List<String> columns;
    private final int maxRowBytes;

    TableSpec(String fileName, boolean required, List<String> columns, int maxRowBytes) {
        this.fileName = fileName;
        this.required = required;
        this.columns = columns;
        this.maxRowBytes = maxRowBytes;
    }

    /** The longest a valid data row of this table can be, without its line ending (regions: the line limit). */
    int maxRowBytes() {
        return maxRowBytes;
    }

    public String fileName() {
        return fileName;
    }

    public boolean required() {
        return required;
    }

    public List<String> columns() {
        return columns;
    }

    public static Optional<TableSpec> byFileName(String name) {
        for (TableSpec t : values()) {
            if (t.fileName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether a column name looks like a record-level identifier. */
    public static boolean looksLikeIdentifier(String column) {
        return IDENTIFIER.matcher(column.trim()).matches();
    }
}
