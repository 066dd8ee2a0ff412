package org.epiflow.bundle;

import org.epiflow.model.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/** Reads and writes {@code regions.csv} (RFC 4180 quoting allowed for the name columns). */
public final class RegionsCsv {
    /** Region codes: 1 to 32 letters, digits, '.', '_' or '-'. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private RegionsCsv() {
    }

    /** Reads the regions; returns null when a problem was logged (the stream is still read to its end). */
    static List<Region> read(InputStream in, long declaredRows, List<String> manifestColumns, BundleLimits limits,
                             ProblemLog problems) throws IOException, BundleException {
        String t = TableSpec.REGIONS.fileName();
        CsvLines lines = new CsvLines(in, limits.maxLineBytes(), t);
        if (!lines.next()) {
            problems.aggregate(Rule.MISSING_COLUMN, t + " is empty (no header line)");
            return null;
        }
        List<Region> out = CsvHeader.check(lines.text(), TableSpec.REGIONS, manifestColumns, problems)
                ? new ArrayList<>() : null;
        long rows = 0;
        while (lines.next()) {
            rows++;
            if (rows > org.epiflow.model.RegionTable.MAX_REGIONS) {
                throw new BundleFormatException(t + " has more than " + org.epiflow.model.RegionTable.MAX_REGIONS
                        + " regions");
            }
            if (out == null) {
                continue;
            }
            String where = t + " line " + lines.lineNumber();
            try {
                Region r = parse(split(lines.text()), where);
                if (!out.isEmpty() && out.get(out.size() - 1).code().compareTo(r.code()) >= 0) {
                    boolean dup = out.get(out.size() - 1).code().equals(r.code());
                    problems.aggregate(dup ? Rule.DUPLICATE_CELL : Rule.OUT_OF_ORDER, where + (dup
                            ? ": region code " + r.code() + " appears twice" : ": regions must be sorted by code"));
                    out = null;
                    continue;
                }
                out.add(r);
            } catch (IllegalArgumentException e) {
                problems.aggregate(Rule.BAD_VALUE, e.getMessage());
                out = null;
            }
        }
        if (rows != declaredRows) {
            problems.manifest("manifest.json declares " + declaredRows + " rows for " + t + " but it has " + rows);
        }
        return out;
    }

    private static Region parse(List<String> f, String where) {
        if (f.size() != 8) {
            throw new IllegalArgumentException(where + " has " + f.size() + " fields, expected 8");
        }
        if (!CODE.matcher(f.get(0)).matches()) {
            throw new IllegalArgumentException(where + ": invalid region code (1-32 letters, digits, . _ -)");
        }
        if (!f.get(4).isEmpty() && !CODE.matcher(f.get(4)).matches()) {
            throw new IllegalArgumentException(where + ": invalid parent code");
        }
        if (f.get(1).isBlank()) {
            throw new IllegalArgumentException(where + ": the name is empty");
        }
        double lat = number(f.get(5), where, "lat");
        double lon = number(f.get(6), where, "lon");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException(where + ": lat/lon out of range");
        }
        long population;
        try {
            population = f.get(7).isEmpty() ? 0 : Long.parseLong(f.get(7));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": population is not a whole number");
        }
        if (population < 0) {
            throw new IllegalArgumentException(where + ": population is negative");
        }
        return new Region(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), lat, lon, population);
    }

    private static double number(String s, String where, String column) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || s.isBlank() || !s.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " is not a decimal number");
        }
    }

    /** Splits one RFC 4180 line (no embedded line breaks). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Writes the regions (sorted by code) with the declared header. */
    public static void write(List<Region> regions, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", TableSpec.REGIONS.columns())).append('\n');
        for (Region r : regions) {
            sb.append(r.code()).append(',').append(quote(r.name())).append(',').append(quote(r.nameEn())).append(',')
                    .append(quote(r.level())).append(',').append(r.parent()).append(',')
                    .append(plain(r.lat())).append(',').append(plain(r.lon())).append(',')
                    .append(r.population()).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + '"';
    }
}
