package org.epiflow.bundle;

import org.epiflow.text.Message;

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

    /** Populations above this are refused: more people than live on Earth, so a mistake or a hostile value. */
    public static final long MAX_POPULATION = 10_000_000_000L;

    /** Reads the regions; returns null when a problem was logged (the stream is still read to its end). */
    static List<Region> read(InputStream in, long declaredRows, List<String> manifestColumns, BundleLimits limits,
                             ProblemLog problems) throws IOException, BundleException {
        String t = TableSpec.REGIONS.fileName();
        CsvLines lines = new CsvLines(in, limits.maxLineBytes(), t);
        if (!lines.next()) {
            problems.aggregate(Rule.MISSING_COLUMN, Message.of("bundle.aggregate.noHeader", t));
            return null;
        }
        List<Region> out = CsvHeader.check(lines.text(), TableSpec.REGIONS, manifestColumns, problems)
                ? new ArrayList<>() : null;
        long rows = 0;
        while (lines.next()) {
            rows++;
            if (rows > org.epiflow.model.RegionTable.MAX_REGIONS) {
                throw new BundleFormatException("bundle.regions.tooMany", org.epiflow.model.RegionTable.MAX_REGIONS);
            }
            if (out == null) {
                continue;
            }
            long line = lines.lineNumber();
            try {
                List<String> fields = split(lines.text());
                if (fields == null) {
                    throw new BadValue(Message.of("bundle.regions.quoting", line));
                }
                Region r = parse(fields, line);
                if (!out.isEmpty() && out.get(out.size() - 1).code().compareTo(r.code()) >= 0) {
                    boolean dup = out.get(out.size() - 1).code().equals(r.code());
                    problems.aggregate(dup ? Rule.DUPLICATE_CELL : Rule.OUT_OF_ORDER, dup
                            ? Message.of("bundle.regions.duplicate", line, r.code())
                            : Message.of("bundle.regions.order", line));
                    out = null;
                    continue;
                }
                out.add(r);
            } catch (BadValue e) {
                problems.aggregate(Rule.BAD_VALUE, e.message);
                out = null;
            }
        }
        if (rows != declaredRows) {
            problems.manifest(Message.of("bundle.manifest.rowCount", t, declaredRows, rows));
        }
        return out;
    }

    /** A field of regions.csv that is not of its column's type. */
    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        BadValue(Message message) {
            super(message.key(), null, false, false);
            this.message = message;
        }
    }

    private static Region parse(List<String> f, long line) throws BadValue {
        if (f.size() != 8) {
            throw new BadValue(Message.of("bundle.regions.fieldCount", line, f.size()));
        }
        if (!CODE.matcher(f.get(0)).matches()) {
            throw new BadValue(Message.of("bundle.regions.code", line));
        }
        if (!f.get(4).isEmpty() && !CODE.matcher(f.get(4)).matches()) {
            throw new BadValue(Message.of("bundle.regions.parent", line));
        }
        if (f.get(1).isBlank()) {
            throw new BadValue(Message.of("bundle.regions.name", line));
        }
        double lat = number(f.get(5), line, "bundle.column.lat");
        double lon = number(f.get(6), line, "bundle.column.lon");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new BadValue(Message.of("bundle.regions.latLonRange", line));
        }
        return new Region(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), lat, lon, population(f.get(7), line));
    }

    /**
     * A population: empty (unknown, read as 0) or a whole number 0 to {@link #MAX_POPULATION} written in plain
     * digits, without sign, spaces or leading zeros.
     */
    static long population(String s, long line) throws BadValue {
        if (s.isEmpty()) {
            return 0;
        }
        if (!s.matches("0|[1-9][0-9]{0,10}")) {
            throw new BadValue(Message.of("bundle.regions.population", line, MAX_POPULATION));
        }
        long p = Long.parseLong(s);
        if (p > MAX_POPULATION) {
            throw new BadValue(Message.of("bundle.regions.population", line, MAX_POPULATION));
        }
        return p;
    }

    private static double number(String s, long line, String column) throws BadValue {
        if (!s.matches("-?[0-9]{1,3}(\\.[0-9]+)?")) {
            throw new BadValue(Message.of("bundle.regions.decimal", line, Message.of(column)));
        }
        return Double.parseDouble(s);
    }

    /**
     * Splits one RFC 4180 line (no embedded line breaks); null when its quoting is malformed (a quote inside an
     * unquoted field, text after a closing quote, or an unclosed quote), which tools would read differently.
     */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    closed = true;
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                closed = false;
            } else if (closed) {
                return null;
            } else if (c == '"') {
                if (cur.length() > 0) {
                    return null;
                }
                quoted = true;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
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
