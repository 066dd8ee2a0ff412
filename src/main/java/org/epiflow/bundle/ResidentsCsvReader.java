package org.epiflow.bundle;

import org.epiflow.model.Period;
import org.epiflow.model.ResidentTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/** Reads {@code residents.csv} into a {@link ResidentTable}, checking every aggregate rule on the way. */
final class ResidentsCsvReader {
    private ResidentsCsvReader() {
    }

    static ResidentTable read(InputStream in, CodeIndex codes, Period period, int k, int roundingBase,
                              long declaredRows, List<String> manifestColumns, BundleLimits limits,
                              ProblemLog problems) throws IOException, BundleException {
        String t = TableSpec.RESIDENTS.fileName();
        CsvLines lines = new CsvLines(in, limits.maxLineBytes(), t);
        if (!lines.next()) {
            problems.aggregate(Rule.MISSING_COLUMN, t + " is empty (no header line)");
            return null;
        }
        boolean ok = CsvHeader.check(lines.text(), TableSpec.RESIDENTS, manifestColumns, problems);
        ResidentTable.Builder builder = ok
                ? ResidentTable.builder(period, (int) Math.min(declaredRows, limits.maxRows())) : null;
        long startDay = period.start().toEpochDay();
        int[] ends = new int[3];
        long rows = 0;
        while (lines.next()) {
            if (++rows > limits.maxRows()) {
                throw new BundleFormatException(t + " has more than " + limits.maxRows() + " rows");
            }
            if (builder == null) {
                continue;
            }
            byte[] b = lines.buffer();
            int s = lines.start();
            String where = t + " line " + lines.lineNumber();
            String problem = null;
            Rule rule = Rule.BAD_VALUE;
            int count = -1;
            long day = CsvFields.INVALID;
            int region = -1;
            if (CsvFields.split(b, s, lines.end(), ends) != 3) {
                problem = where + " does not have 3 fields";
            } else if ((day = CsvFields.epochDay(b, s, ends[0])) == CsvFields.INVALID) {
                problem = where + ": the date is not an ISO date (yyyy-MM-dd)";
            } else if (!period.contains(java.time.LocalDate.ofEpochDay(day))) {
                rule = Rule.OUTSIDE_PERIOD;
                problem = where + ": date " + new String(b, s, 10, StandardCharsets.US_ASCII)
                        + " is outside the bundle's period " + period;
            } else if ((region = codes.find(b, ends[0] + 1, ends[1])) < 0) {
                rule = Rule.UNKNOWN_REGION;
                problem = where + ": region code '" + new String(b, ends[0] + 1,
                        Math.min(ends[1] - ends[0] - 1, 32), StandardCharsets.UTF_8) + "' is not in regions.csv";
            } else if ((count = CsvFields.count(b, ends[1] + 1, ends[2])) < 0) {
                problem = where + ": residents is not a whole number";
            } else if (count < k) {
                rule = Rule.BELOW_K;
                problem = where + ": a resident count is below the suppression threshold k = " + k;
            } else if (roundingBase > 1 && count % roundingBase != 0) {
                problem = where + ": a resident count is not a multiple of the declared rounding base "
                        + roundingBase;
            } else {
                String why = builder.add((int) (day - startDay), region, count);
                if (why != null) {
                    rule = "duplicate".equals(why) ? Rule.DUPLICATE_CELL : Rule.OUT_OF_ORDER;
                    problem = where + ("duplicate".equals(why) ? ": the same day and region appear twice"
                            : ": rows must be sorted by date, then region code");
                }
            }
            if (problem != null) {
                problems.aggregate(rule, problem);
                builder = null;
            }
        }
        if (rows != declaredRows) {
            problems.manifest("manifest.json declares " + declaredRows + " rows for " + t + " but it has " + rows);
        }
        return builder == null ? null : builder.build();
    }
}
