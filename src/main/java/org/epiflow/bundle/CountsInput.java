package org.epiflow.bundle;

import org.epiflow.text.Message;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A carrier's count table (flows or residents) as read for minimisation: any order, then sorted and suppressed.
 * Each row is packed into a long: day (high 16 bits of the key), origin, destination, and the count.
 */
final class CountsInput {
    private final TableSpec spec;
    private long[] keys = new long[1024];
    private int[] counts = new int[1024];
    private int size;
    private long minDay = Long.MAX_VALUE;
    private long maxDay = Long.MIN_VALUE;
    private final String name;

    private CountsInput(TableSpec spec, String name) {
        this.spec = spec;
        this.name = name;
    }

    /** An empty table to fill in memory with {@link #add}; {@code name} is used in messages. */
    static CountsInput inMemory(TableSpec spec, String name) {
        return new CountsInput(spec, name);
    }

    TableSpec spec() {
        return spec;
    }

    record Published(FlowTable flows, ResidentTable residents, long suppressedCells, long suppressedCount) {
    }

    static CountsInput read(Path file, TableSpec spec, RegionTable regions) throws IOException,
            MinimisationException {
        CountsInput t = new CountsInput(spec, String.valueOf(file.getFileName()));
        boolean flows = spec == TableSpec.FLOWS;
        int fields = spec.columns().size();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Minimiser.checkHeader(file, in.readLine(), spec);
            String line;
            long n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = String.valueOf(file.getFileName());
                String[] f = line.split(",", -1);
                if (f.length != fields) {
                    throw new MinimisationException("bundle.seal.fieldCount", where, n, f.length, fields);
                }
                long day = Minimiser.date(f[0].trim(), where, n).toEpochDay();
                int a = region(regions, f[1].trim(), where, n);
                int b = flows ? region(regions, f[2].trim(), where, n) : 0;
                long count;
                try {
                    count = Long.parseLong(f[fields - 1].trim());
                } catch (NumberFormatException e) {
                    throw new MinimisationException("bundle.seal.countNotWhole", where, n);
                }
                if (count < 0 || count > Integer.MAX_VALUE) {
                    throw new MinimisationException("bundle.seal.countRange", where, n);
                }
                t.add(day, a, b, (int) count);
            }
        }
        return t;
    }

    private static int region(RegionTable regions, String code, String file, long line)
            throws MinimisationException {
        int i = regions.indexOf(code);
        if (i < 0) {
            throw new MinimisationException("bundle.seal.unknownRegion", file, line, code);
        }
        return i;
    }

    void add(long day, int a, int b, int count) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        keys[size] = (day << 32) | ((long) a << 16) | b;
        counts[size] = count;
        size++;
        minDay = Math.min(minDay, day);
        maxDay = Math.max(maxDay, day);
    }

    int size() {
        return size;
    }

    long minDay() {
        return minDay;
    }

    long maxDay() {
        return maxDay;
    }

    /** Sorts, refuses duplicates, suppresses and rounds. */
    Published publish(Period period, int k, int base) throws MinimisationException {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        long start = period.start().toEpochDay();
        FlowTable.Builder fb = spec == TableSpec.FLOWS ? FlowTable.builder(period, size) : null;
        ResidentTable.Builder rb = spec == TableSpec.RESIDENTS ? ResidentTable.builder(period, size) : null;
        long suppressed = 0;
        long suppressedCount = 0;
        for (int j = 0; j < size; j++) {
            int i = order[j];
            if (j > 0 && keys[order[j - 1]] == keys[i]) {
                throw new MinimisationException("bundle.seal.duplicateCell", name,
                        java.time.LocalDate.ofEpochDay(keys[i] >>> 32).toString());
            }
            long rounded = base == 1 ? counts[i] : Math.round((double) counts[i] / base) * (long) base;
            if (counts[i] < k || rounded < k || rounded > Integer.MAX_VALUE) {
                suppressed++;
                suppressedCount += counts[i];
                continue;
            }
            int day = (int) ((keys[i] >>> 32) - start);
            int a = (int) ((keys[i] >>> 16) & 0xFFFF);
            int b = (int) (keys[i] & 0xFFFF);
            String why = fb != null ? fb.add(day, a, b, (int) rounded) : rb.add(day, a, (int) rounded);
            if (why != null) {
                throw new IllegalStateException("sorted input refused: " + why);
            }
        }
        return new Published(fb == null ? null : fb.build(), rb == null ? null : rb.build(), suppressed,
                suppressedCount);
    }
}
