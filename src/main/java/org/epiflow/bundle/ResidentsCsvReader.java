package org.epiflow.bundle;

import org.epiflow.text.Message;

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
            problems.aggregate(Rule.MISSING_COLUMN, Message.of("bundle.aggregate.noHeader", t));
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
                throw new BundleFormatException("bundle.table.tooManyRows", t, limits.maxRows());
            }
            if (builder == null) {
                continue;
            }
            byte[] b = lines.buffer();
            int s = lines.start();
            long line = lines.lineNumber();
            Message problem = null;
            Rule rule = Rule.BAD_VALUE;
            int count = -1;
            long day = CsvFields.INVALID;
            int region = -1;
            if (CsvFields.split(b, s, lines.end(), ends) != 3) {
                problem = Message.of("bundle.table.fieldCount", t, line, 3);
            } else if ((day = CsvFields.epochDay(b, s, ends[0])) == CsvFields.INVALID) {
                problem = Message.of("bundle.table.date", t, line);
            } else if (!period.contains(java.time.LocalDate.ofEpochDay(day))) {
                rule = Rule.OUTSIDE_PERIOD;
                problem = Message.of("bundle.table.outsidePeriod", t, line, new String(b, s, 10, StandardCharsets.US_ASCII),
                        period.start().toString(), period.end().toString());
            } else if ((region = codes.find(b, ends[0] + 1, ends[1])) < 0) {
                rule = Rule.UNKNOWN_REGION;
                problem = Message.of("bundle.table.unknownRegion", t, line, new String(b, ends[0] + 1,
                        Math.min(ends[1] - ends[0] - 1, 32), StandardCharsets.UTF_8));
            } else if ((count = CsvFields.count(b, ends[1] + 1, ends[2])) < 0) {
                problem = Message.of("bundle.table.count", t, line, Message.of("bundle.column.residents"));
            } else if (count < k) {
                rule = Rule.BELOW_K;
                problem = Message.of("bundle.table.belowK", t, line, k);
            } else if (roundingBase > 1 && count % roundingBase != 0) {
                problem = Message.of("bundle.table.rounding", t, line, roundingBase);
            } else {
                String why = builder.add((int) (day - startDay), region, count);
                if (why != null) {
                    rule = "duplicate".equals(why) ? Rule.DUPLICATE_CELL : Rule.OUT_OF_ORDER;
                    problem = "duplicate".equals(why) ? Message.of("bundle.residents.duplicate", t, line)
                            : Message.of("bundle.residents.order", t, line);
                }
            }
            if (problem != null) {
                problems.aggregate(rule, problem);
                builder = null;
            }
        }
        if (rows != declaredRows) {
            problems.manifest(Message.of("bundle.manifest.rowCount", t, declaredRows, rows));
        }
        return builder == null ? null : builder.build();
    }
}
