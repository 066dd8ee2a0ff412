package org.epiflow.bundle;

import org.epiflow.text.Message;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The carrier-side minimisation applied by {@code epiflow seal}: reads aggregate tables, refuses record-level
 * columns, suppresses every cell below k (publishing nothing in its place), optionally rounds counts to a base
 * (cells that round below k are suppressed too), and sorts the tables into the bundle's canonical order.
 */
public final class Minimiser {
    private Minimiser() {
    }

    /** The minimised tables, ready to seal. */
    public record Result(RegionTable regions, Period period, FlowTable flows, Optional<ResidentTable> residents,
                         MinimisationReport report) {
    }

    public static Result minimise(Path regionsCsv, Path flowsCsv, Path residentsCsv, int k, int roundingBase)
            throws IOException, MinimisationException {
        checkParameters(k, roundingBase);
        RegionTable regions = readRegions(regionsCsv);
        CountsInput flows = CountsInput.read(flowsCsv, TableSpec.FLOWS, regions);
        CountsInput residents = residentsCsv == null ? null : CountsInput.read(residentsCsv, TableSpec.RESIDENTS,
                regions);
        return minimise(regions, flows, residents, k, roundingBase, String.valueOf(flowsCsv));
    }

    /**
     * The in-memory counterpart of {@link #minimise(Path, Path, Path, int, int)}: the same suppression, rounding,
     * ordering and report, for count tables built in memory (for example by a generator).
     *
     * @param regions   the regions the cells' indexes refer to
     * @param flows     flow cells, any order
     * @param residents resident cells, or null
     */
    public static Result minimise(RegionTable regions, Cells flows, Cells residents, int k, int roundingBase)
            throws MinimisationException {
        checkParameters(k, roundingBase);
        if (flows.input.spec() != TableSpec.FLOWS
                || (residents != null && residents.input.spec() != TableSpec.RESIDENTS)) {
            throw new IllegalArgumentException("pass flow cells as flows and resident cells as residents");
        }
        flows.checkRegions(regions);
        if (residents != null) {
            residents.checkRegions(regions);
        }
        return minimise(regions, flows.input, residents == null ? null : residents.input, k, roundingBase,
                flows.name);
    }

    private static void checkParameters(int k, int roundingBase) throws MinimisationException {
        if (k < 1) {
            throw new MinimisationException("bundle.seal.kTooSmall");
        }
        if (roundingBase < 1) {
            throw new MinimisationException("bundle.seal.roundingTooSmall");
        }
    }

    private static Result minimise(RegionTable regions, CountsInput flows, CountsInput residents, int k,
                                   int roundingBase, String flowsName) throws MinimisationException {
        if (flows.size() == 0) {
            throw new MinimisationException("bundle.seal.noRows", flowsName);
        }
        long first = flows.minDay();
        long last = flows.maxDay();
        if (residents != null && residents.size() > 0) {
            first = Math.min(first, residents.minDay());
            last = Math.max(last, residents.maxDay());
        }
        Period period = new Period(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
        CountsInput.Published f = flows.publish(period, k, roundingBase);
        CountsInput.Published r = residents == null ? null : residents.publish(period, k, roundingBase);
        MinimisationReport report = new MinimisationReport(k, roundingBase, flows.size(), f.suppressedCells(),
                f.suppressedCount(), residents == null ? 0 : residents.size(),
                r == null ? 0 : r.suppressedCells());
        return new Result(regions, period, f.flows(), r == null ? Optional.empty() : Optional.of(r.residents()),
                report);
    }

    /**
     * Count cells held in memory, in any order: the in-memory form of a {@code flows.csv} or {@code residents.csv}.
     * Regions are indexes into the {@link RegionTable} later passed to
     * {@link #minimise(RegionTable, Cells, Cells, int, int)}.
     */
    public static final class Cells {
        private final CountsInput input;
        private final String name;
        private int maxRegion = -1;

        private Cells(TableSpec spec, String name) {
            this.input = CountsInput.inMemory(spec, name);
            this.name = name;
        }

        /** Empty flow cells ({@code date,origin,destination,trips}); {@code name} appears in messages. */
        public static Cells flows(String name) {
            return new Cells(TableSpec.FLOWS, name);
        }

        /** Empty resident cells ({@code date,region,residents}); {@code name} appears in messages. */
        public static Cells residents(String name) {
            return new Cells(TableSpec.RESIDENTS, name);
        }

        /** Adds a flow cell: trips from region {@code origin} to {@code destination} on {@code day}. */
        public Cells addFlow(LocalDate day, int origin, int destination, int trips) {
            if (input.spec() != TableSpec.FLOWS) {
                throw new IllegalStateException(name + " holds residents, not flows");
            }
            add(day, origin, destination, trips);
            return this;
        }

        /** Adds a resident cell: the residents of {@code region} on {@code day}. */
        public Cells addResidents(LocalDate day, int region, int residents) {
            if (input.spec() != TableSpec.RESIDENTS) {
                throw new IllegalStateException(name + " holds flows, not residents");
            }
            add(day, region, 0, residents);
            return this;
        }

        private void add(LocalDate day, int a, int b, int count) {
            if (a < 0 || b < 0 || a >= RegionTable.MAX_REGIONS || b >= RegionTable.MAX_REGIONS) {
                throw new IllegalArgumentException(name + ": region index out of range");
            }
            if (count < 0) {
                throw new IllegalArgumentException(name + ": negative count");
            }
            input.add(day.toEpochDay(), a, b, count);
            maxRegion = Math.max(maxRegion, Math.max(a, b));
        }

        /** Number of cells added. */
        public int size() {
            return input.size();
        }

        void checkRegions(RegionTable regions) throws MinimisationException {
            if (maxRegion >= regions.size()) {
                throw new MinimisationException("bundle.seal.regionIndex", name, maxRegion, regions.size());
            }
        }
    }

    static RegionTable readRegions(Path file) throws IOException, MinimisationException {
        List<Region> regions = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            checkHeader(file, header, TableSpec.REGIONS);
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = RegionsCsv.split(line);
                String name = String.valueOf(file.getFileName());
                if (f == null) {
                    throw new MinimisationException("bundle.seal.quoting", name, n);
                }
                if (f.size() != 8) {
                    throw new MinimisationException("bundle.seal.fieldCount", name, n, f.size(), 8);
                }
                if (!RegionsCsv.CODE.matcher(f.get(0)).matches()) {
                    throw new MinimisationException("bundle.seal.badCode", name, n, f.get(0));
                }
                try {
                    long population = f.get(7).isEmpty() ? 0 : Long.parseLong(f.get(7));
                    if (population < 0 || population > RegionsCsv.MAX_POPULATION) {
                        throw new MinimisationException("bundle.seal.population", name, n, RegionsCsv.MAX_POPULATION);
                    }
                    regions.add(new Region(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                            Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6)), population));
                } catch (IllegalArgumentException e) {
                    throw new MinimisationException("bundle.seal.badRegion", name, n, String.valueOf(e.getMessage()));
                }
            }
        }
        regions.sort(Comparator.comparing(Region::code));
        try {
            return new RegionTable(regions);
        } catch (IllegalArgumentException e) {
            throw new MinimisationException("bundle.seal.badRegions", String.valueOf(file.getFileName()),
                    String.valueOf(e.getMessage()));
        }
    }

    static void checkHeader(Path file, String header, TableSpec spec) throws MinimisationException {
        if (header == null) {
            throw new MinimisationException("bundle.seal.empty", String.valueOf(file.getFileName()));
        }
        List<String> cols = CsvHeader.columns(header.startsWith("\uFEFF") ? header.substring(1) : header);
        for (String c : cols) {
            if (!spec.columns().contains(c) && TableSpec.looksLikeIdentifier(c)) {
                throw new MinimisationException("bundle.seal.identifierColumn", String.valueOf(file.getFileName()), c);
            }
        }
        if (!cols.equals(spec.columns())) {
            throw new MinimisationException("bundle.seal.columns", String.valueOf(file.getFileName()),
                    String.join(",", spec.columns()), String.join(",", cols));
        }
    }

    static LocalDate date(String s, String file, long line) throws MinimisationException {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new MinimisationException("bundle.seal.badDate", file, line, s);
        }
    }
}
