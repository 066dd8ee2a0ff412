package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Finds the code and name attributes of a boundary file (used by {@link BoundaryImporter}). */
final class AttributeFields {

    /** Known code field names, best first (compared squashed: lower case, no spaces/underscores). */
    static final List<String> CODE_NAMES = List.of("adcode", "code", "gb", "gbcode", "区划代码", "行政区划代码",
            "行政代码", "代码", "xzqdm", "xzqhdm", "dm", "pac", "admincode", "admcode", "citycode", "adcode99");
    static final List<String> NAME_NAMES = List.of("namezh", "name", "名称", "行政区划名称", "区划名称", "行政区名称",
            "地名", "mc", "xzqmc", "xzqhmc", "namechn", "chname");
    static final List<String> NAME_EN_NAMES = List.of("nameen", "ename", "nameeng", "enname", "englishname");

    private AttributeFields() {
    }

    /**
     * The code field: the requested one (matched case-insensitively), else a known name, else the only field
     * whose values all look like 6-, 9- or 12-digit codes.
     */
    static String codeField(String requested, List<String> fields, Collection<Map<String, Object>> rows,
                            String file) throws BoundaryImportException {
        if (requested != null) {
            String f = match(requested, fields);
            if (f == null) {
                throw new BoundaryImportException(Message.of("boundary.codeFieldMissing", file, requested,
                        String.valueOf(fields)));
            }
            return f;
        }
        for (String want : CODE_NAMES) {
            for (String f : fields) {
                if (Wkt.squash(f).equals(want) && looksLikeCodes(f, rows)) {
                    return f;
                }
            }
        }
        List<String> candidates = fields.stream().filter(f -> looksLikeCodes(f, rows)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new BoundaryImportException(candidates.isEmpty()
                ? Message.of("boundary.noCodeField", file, String.valueOf(fields))
                : Message.of("boundary.noCodeField.candidates", file, String.valueOf(fields),
                        String.valueOf(candidates)));
    }

    /** A name field: the requested one if it exists (else an exception), else the first known name, else null. */
    static String nameField(String requested, List<String> known, List<String> fields, String codeField, String file)
            throws BoundaryImportException {
        if (requested != null) {
            String f = match(requested, fields);
            if (f == null) {
                throw new BoundaryImportException(Message.of("boundary.nameFieldMissing", file, requested,
                        String.valueOf(fields)));
            }
            return f;
        }
        for (String want : known) {
            for (String f : fields) {
                if (Wkt.squash(f).equals(want) && !f.equals(codeField)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String match(String requested, List<String> fields) {
        for (String f : fields) {
            if (f.equals(requested)) {
                return f;
            }
        }
        for (String f : fields) {
            if (f.equalsIgnoreCase(requested.trim())) {
                return f;
            }
        }
        return null;
    }

    private static boolean looksLikeCodes(String field, Collection<Map<String, Object>> rows) {
        int seen = 0;
        for (Map<String, Object> r : rows) {
            String v = r == null ? null : normalizeCode(r.get(field));
            if (v == null) {
                continue;
            }
            if (!v.matches("\\d{6}")) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }

    /**
     * A code value as text: numbers without decimals, 9- and 12-digit statistical codes whose tail is zeros cut to
     * the 6-digit GB/T 2260 code (110101000000 → 110101); null when blank.
     */
    static String normalizeCode(Object v) {
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            s = Long.toString(d.longValue());
        } else {
            s = v.toString().trim();
        }
        if (s.matches("\\d{6}(000|000000)")) {
            s = s.substring(0, 6);
        }
        return s.isEmpty() ? null : s;
    }
}
