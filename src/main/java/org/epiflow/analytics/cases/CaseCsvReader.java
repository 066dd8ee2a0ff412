package org.epiflow.analytics.cases;

import org.epiflow.analytics.cases.CaseImportException.Problem;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;
import org.epiflow.text.Message;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code cases.csv}: a header naming the columns {@code date,region,cases} (any order, case-insensitive), then
 * one row per date and region with a whole, non-negative count. Dates are ISO {@code yyyy-MM-dd} and must lie in the
 * bundle's period; regions are the bundle's region codes; a (date, region) pair appears at most once. Counts are new
 * cases that day, or, with {@code cumulative}, running totals that are turned into daily counts and must never
 * decrease (a region's first row counts as its new cases that day). Every problem is collected, then refused at once.
 */
public final class CaseCsvReader {
    private static final int MAX_PROBLEMS = 100;
    private final Period period;
    private final RegionTable regions;
    private final boolean cumulative;

    public CaseCsvReader(Period period, RegionTable regions, boolean cumulative) {
        this.period = period;
        this.regions = regions;
        this.cumulative = cumulative;
    }

    public CaseTable read(Path file) throws IOException, CaseImportException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    public CaseTable read(Reader in, String source) throws IOException, CaseImportException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Problem> problems = new ArrayList<>();
        String header = r.readLine();
        if (header == null) {
            throw new CaseImportException(source, List.of(new Problem(0, "", Message.of("cases.file.empty"))));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = split(header);
        int cDate = -1;
        int cRegion = -1;
        int cCases = -1;
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i).trim().toLowerCase(Locale.ROOT)) {
                case "date" -> cDate = i;
                case "region" -> cRegion = i;
                case "cases" -> cCases = i;
                default -> problems.add(new Problem(1, names.get(i), Message.of("cases.header.unknown",
                        names.get(i))));
            }
        }
        for (String[] need : new String[][]{{"date", cDate + ""}, {"region", cRegion + ""}, {"cases", cCases + ""}}) {
            if (need[1].equals("-1")) {
                problems.add(new Problem(1, need[0], Message.of("cases.header.missing", need[0])));
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseImportException(source, problems);
        }
        int n = regions.size();
        int days = period.days();
        long[] value = new long[days * n];
        int[] lineOf = new int[days * n];
        int last = -1;
        String line;
        int no = 1;
        while ((line = r.readLine()) != null && problems.size() < MAX_PROBLEMS) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() != names.size()) {
                problems.add(new Problem(no, "", Message.of("cases.row.fields", names.size(), f.size())));
                continue;
            }
            String ds = f.get(cDate).trim();
            String rs = f.get(cRegion).trim();
            String cs = f.get(cCases).trim();
            int day = -1;
            try {
                LocalDate date = LocalDate.parse(ds);
                if (!period.contains(date)) {
                    problems.add(new Problem(no, "date", Message.of("cases.date.outside", ds,
                            period.start().toString(), period.day(period.days() - 1).toString())));
                } else {
                    day = (int) (date.toEpochDay() - period.start().toEpochDay());
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem(no, "date", Message.of("cases.date.invalid", ds)));
            }
            int region = regions.indexOf(rs);
            if (region < 0) {
                problems.add(new Problem(no, "region", Message.of("cases.region.unknown", rs)));
            }
            long count = -1;
            if (cs.isEmpty()) {
                problems.add(new Problem(no, "cases", Message.of("cases.count.missing")));
            } else if (cs.startsWith("-") && cs.substring(1).chars().allMatch(Character::isDigit) && cs.length() > 1) {
                problems.add(new Problem(no, "cases", Message.of("cases.count.negative", cs)));
            } else if (!cs.chars().allMatch(ch -> ch >= '0' && ch <= '9') || cs.length() > 9) {
                problems.add(new Problem(no, "cases", Message.of("cases.count.invalid", cs)));
            } else {
                count = Long.parseLong(cs);
            }
            if (day < 0 || region < 0 || count < 0) {
                continue;
            }
            int cell = day * n + region;
            if (lineOf[cell] != 0) {
                problems.add(new Problem(no, "", Message.of("cases.row.duplicate", rs, ds, lineOf[cell])));
                continue;
            }
            lineOf[cell] = no;
            value[cell] = count;
            last = Math.max(last, day);
        }
        int[] daily = new int[days * n];
        if (cumulative) {
            toDaily(value, lineOf, daily, problems);
        } else {
            for (int i = 0; i < daily.length; i++) {
                daily[i] = (int) value[i];
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseImportException(source, problems);
        }
        return new CaseTable(period, regions, daily, last);
    }

    private void toDaily(long[] value, int[] lineOf, int[] daily, List<Problem> problems) {
        int n = regions.size();
        for (int i = 0; i < n; i++) {
            long prev = 0;
            int prevDay = -1;
            for (int d = 0; d < period.days(); d++) {
                int cell = d * n + i;
                if (lineOf[cell] == 0) {
                    continue;
                }
                long v = value[cell];
                if (v < prev) {
                    problems.add(new Problem(lineOf[cell], "cases", Message.of("cases.cumulative.falls",
                            regions.get(i).code(), prev, period.day(prevDay).toString(), lineOf[prevDay * n + i], v,
                            period.day(d).toString())));
                } else {
                    daily[cell] = (int) (v - prev);
                    prev = v;
                    prevDay = d;
                }
            }
        }
    }

    /** Splits one CSV line (RFC 4180 quoting within the line). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    /** Counts keyed by region code, for messages and tests. */
    static Map<String, Long> totals(CaseTable t) {
        Map<String, Long> m = new HashMap<>();
        long[] c = t.cumulativeThrough(t.days() - 1);
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0) {
                m.put(t.regions().get(i).code(), c[i]);
            }
        }
        return m;
    }
}
