package org.epiflow.bundle;

import org.epiflow.text.Message;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/** Reads {@code flows.csv} into a {@link FlowTable}, checking every aggregate rule on the way. */
final class FlowsCsvReader {
    private FlowsCsvReader() {
    }

    /**
     * Reads all of {@code in} (so that its hash can be checked) and returns the table, or null when a problem
     * was logged.
     */
    static FlowTable read(InputStream in, CodeIndex codes, Period period, int k, int roundingBase, long declaredRows,
                          List<String> manifestColumns, BundleLimits limits, ProblemLog problems)
            throws IOException, BundleException {
        String t = TableSpec.FLOWS.fileName();
        CsvLines lines = new CsvLines(in, limits.maxLineBytes(), t);
        if (!lines.next()) {
            problems.aggregate(Rule.MISSING_COLUMN, Message.of("bundle.aggregate.noHeader", t));
            return null;
        }
        boolean ok = CsvHeader.check(lines.text(), TableSpec.FLOWS, manifestColumns, problems);
        int expected = (int) Math.min(declaredRows, limits.maxRows());
        FlowTable.Builder builder = ok ? FlowTable.builder(period, expected) : null;
        long startDay = period.start().toEpochDay();
        long endDay = period.end().toEpochDay();
        int[] ends = new int[4];
        byte[] lastDate = new byte[10];
        int lastDateLen = 0;
        long dayIndex = -1;
        long rows = 0;
        while (lines.next()) {
            rows++;
            if (rows > limits.maxRows()) {
                throw new BundleFormatException("bundle.table.tooManyRows", t, limits.maxRows());
            }
            if (builder == null) {
                continue;
            }
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            long line = lines.lineNumber();
            if (CsvFields.split(b, s, e, ends) != 4) {
                ok = fail(problems, Rule.BAD_VALUE, Message.of("bundle.table.fieldCount", t, line, 4));
                builder = null;
                continue;
            }
            int dateLen = ends[0] - s;
            if (dateLen != lastDateLen || !java.util.Arrays.equals(b, s, ends[0], lastDate, 0, dateLen)) {
                long epochDay = CsvFields.epochDay(b, s, ends[0]);
                if (epochDay == CsvFields.INVALID) {
                    fail(problems, Rule.BAD_VALUE, Message.of("bundle.table.date", t, line));
                    builder = null;
                    continue;
                }
                if (epochDay < startDay || epochDay > endDay) {
                    fail(problems, Rule.OUTSIDE_PERIOD, Message.of("bundle.table.outsidePeriod", t, line,
                            new String(b, s, dateLen, java.nio.charset.StandardCharsets.US_ASCII),
                            period.start().toString(), period.end().toString()));
                    builder = null;
                    continue;
                }
                dayIndex = epochDay - startDay;
                System.arraycopy(b, s, lastDate, 0, Math.min(dateLen, 10));
                lastDateLen = dateLen;
            }
            int o = codes.find(b, ends[0] + 1, ends[1]);
            int d = codes.find(b, ends[1] + 1, ends[2]);
            if (o < 0 || d < 0) {
                int from = o < 0 ? ends[0] + 1 : ends[1] + 1;
                int to = o < 0 ? ends[1] : ends[2];
                fail(problems, Rule.UNKNOWN_REGION, Message.of("bundle.table.unknownRegion", t, line,
                        new String(b, from, Math.min(to - from, 32), java.nio.charset.StandardCharsets.UTF_8)));
                builder = null;
                continue;
            }
            int trips = CsvFields.count(b, ends[2] + 1, ends[3]);
            if (trips < 0) {
                fail(problems, Rule.BAD_VALUE, Message.of("bundle.table.count", t, line, Message.of("bundle.column.trips")));
                builder = null;
                continue;
            }
            if (trips < k) {
                fail(problems, Rule.BELOW_K, Message.of("bundle.table.belowK", t, line, k));
                builder = null;
                continue;
            }
            if (roundingBase > 1 && trips % roundingBase != 0) {
                fail(problems, Rule.BAD_VALUE, Message.of("bundle.table.rounding", t, line, roundingBase));
                builder = null;
                continue;
            }
            String why = builder.add((int) dayIndex, o, d, trips);
            if (why != null) {
                boolean dup = "duplicate".equals(why);
                fail(problems, dup ? Rule.DUPLICATE_CELL : Rule.OUT_OF_ORDER, dup
                        ? Message.of("bundle.flows.duplicate", t, line) : Message.of("bundle.flows.order", t, line));
                builder = null;
            }
        }
        if (rows != declaredRows) {
            problems.manifest(Message.of("bundle.manifest.rowCount", t, declaredRows, rows));
        }
        return builder == null || !ok ? null : builder.build();
    }

    private static boolean fail(ProblemLog problems, Rule rule, Message message) {
        problems.aggregate(rule, message);
        return false;
    }
}
