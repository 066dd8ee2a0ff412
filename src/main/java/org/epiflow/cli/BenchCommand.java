package org.epiflow.cli;

import org.epiflow.bench.BasemapBench;
import org.epiflow.bench.ExportBench;
import org.epiflow.bench.MapBench;
import org.epiflow.bench.OpenBench;
import org.epiflow.bench.RefuseBench;
import org.epiflow.bench.RiskBench;
import org.epiflow.bench.WorkspaceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code epiflow bench …}: the benchmarks of docs/performance.md. Each subcommand parses flags and runs one bench. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (figures for docs/performance.md).",
        subcommands = {
                BenchCommand.Open.class,
                BenchCommand.Basemap.class,
                BenchCommand.Map.class,
                BenchCommand.Workspace.class,
                BenchCommand.Carry.class,
                BenchCommand.Risk.class,
                BenchCommand.Export.class,
                BenchCommand.Refuse.class,
        })
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Seal a synthetic bundle of N flow rows, then time opening it (verify + decrypt + parse + "
                    + "validate + index) next to `age -d` on the same ciphertext, and report heap bytes per row.")
    static final class Open implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "10000000", description = "flow rows (default ${DEFAULT-VALUE})")
        long rows;

        @Option(names = "--runs", defaultValue = "3", description = "timed runs of each (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--age", defaultValue = "age", description = "the age command (default ${DEFAULT-VALUE})")
        String age;

        @Override
        public Integer call() throws Exception {
            new OpenBench(rows, runs, age).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "basemap", mixinStandardHelpOptions = true,
            description = "Time loading the offline basemap layers (first run is the cold start of this JVM).")
    static final class Basemap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "loads (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            new BasemapBench(runs).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Time the flow map: time-slider step (re-aggregate a day + redraw flows over the cached "
                    + "basemap), pan/zoom frames, and a naive single-threaded Java2D draw of the same arcs, on a "
                    + "synthetic gravity-model dataset over the real prefecture seats.")
    static final class Map implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--width", defaultValue = "1920", description = "screen width (default ${DEFAULT-VALUE})")
        int width;

        @Option(names = "--height", defaultValue = "1080", description = "screen height (default ${DEFAULT-VALUE})")
        int height;

        @Option(names = "--arcs", defaultValue = "5000", description = "top N arcs drawn (default ${DEFAULT-VALUE})")
        int arcs;

        @Option(names = "--day-rows", defaultValue = "50000",
                description = "flow rows per day (default ${DEFAULT-VALUE})")
        int dayRows;

        @Option(names = "--days", defaultValue = "14", description = "days in the dataset (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--frames", defaultValue = "40",
                description = "timed frames per figure (default ${DEFAULT-VALUE})")
        int frames;

        @Option(names = "--javafx-canvas", description = "also time the naive JavaFX Canvas path (needs a display: "
                + "run under xvfb-run with -Dprism.order=sw for the software pipeline)")
        boolean javafxCanvas;

        @Option(names = "--png", description = "also write fast.png, java2d.png and naive.png to this directory")
        Path png;

        @Override
        public Integer call() throws Exception {
            new MapBench(width, height, arcs, dayRows, days, frames, javafxCanvas, png)
                    .run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "workspace", mixinStandardHelpOptions = true,
            description = "Time one durable audit append (goal p99 <= 10 ms) and opening the encrypted workspace "
                    + "with an audit trail of N entries (goal <= 300 ms for 100,000), then the full verification, "
                    + "the full check and a backup, in a temporary folder.")
    static final class Workspace implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--entries", defaultValue = "100000", description = "audit entries in the trail (default "
                + "${DEFAULT-VALUE})")
        int entries;

        @Option(names = "--appends", defaultValue = "2000", description = "timed single appends (default "
                + "${DEFAULT-VALUE})")
        int appends;

        @Option(names = "--runs", defaultValue = "5", description = "timed opens and verifications (default "
                + "${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            new WorkspaceBench(entries, appends, runs).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "carry", mixinStandardHelpOptions = true,
            description = "Time the return to the officer's work after an unlock on the demo: workspace open, "
                    + "session document, bundle reopened from the encrypted cache, cases.csv read back, importation "
                    + "run again (against opening the file with every check), in a temporary folder.")
    static final class Carry implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "timed returns (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            new org.epiflow.bench.CarryBench(runs).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "risk", mixinStandardHelpOptions = true,
            description = "Time the risk models on a synthetic gravity network (default 370 regions × 180 days, "
                    + "each region linked to its 40 strongest partners, made symmetric).")
    static final class Risk implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--regions", defaultValue = "370", description = "regions (default ${DEFAULT-VALUE})")
        int regions;

        @Option(names = "--days", defaultValue = "180", description = "days (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--partners", defaultValue = "40", description = "partners per region (default "
                + "${DEFAULT-VALUE})")
        int partners;

        @Option(names = "--runs", defaultValue = "1000", description = "stochastic runs (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() {
            new RiskBench(regions, days, partners, runs).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Time exports of the demo's busiest day: A4 landscape PDF and PNG at 300 dpi with the top N "
                    + "arcs, a GIF of 30 days, and PowerPoint decks of 29 days (time and file size).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--arcs", defaultValue = "5000", description = "top N flows (default ${DEFAULT-VALUE})")
        int arcs;

        @Option(names = "--runs", defaultValue = "3",
                description = "timed runs after one warm-up (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--frames", defaultValue = "30", description = "GIF frames (default ${DEFAULT-VALUE})")
        int frames;

        @Option(names = "--gif-size", defaultValue = "1280x720", description = "GIF size (default ${DEFAULT-VALUE})")
        String gifSize;

        @Option(names = "--keep", description = "keep the files in this folder")
        Path keep;

        @Option(names = "--slides", defaultValue = "29", description = "days in the PPTX deck (default ${DEFAULT-VALUE})")
        int slides;

        @Option(names = "--slide-arcs", defaultValue = "200",
                description = "top N flows on each slide, as the map's default filter (default ${DEFAULT-VALUE})")
        int slideArcs;

        @Override
        public Integer call() throws Exception {
            new ExportBench(arcs, runs, frames, gifSize, keep, slides, slideArcs).run(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true,
            description = "Time refusing bundles whose signature cannot verify (garbage, unpinned key, forged, "
                    + "replayed), for sparse bundle files of the given sizes; goal under 0.5 s for any size.")
    static final class Refuse implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", split = ",", defaultValue = "1m,1g,4g",
                description = "bundle file sizes, e.g. 1g,4g (4g means the 4 GiB limit; default ${DEFAULT-VALUE})")
        java.util.List<String> sizes;

        @Option(names = "--runs", defaultValue = "5", description = "timed runs of each (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--hashing", description = "also time a payload that passes the cheap checks being hashed")
        boolean hashing;

        @Override
        public Integer call() throws Exception {
            java.util.List<Long> bytes = new java.util.ArrayList<>();
            for (String s : sizes) {
                bytes.add(size(s));
            }
            new RefuseBench(bytes, runs, hashing).run(spec.commandLine().getOut());
            return 0;
        }

        static long size(String s) throws CliException {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            long unit = t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
            try {
                long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
                return Math.min(n, 0xFFFF_FFFFL);
            } catch (NumberFormatException e) {
                throw new CliException(org.epiflow.text.Message.of("cli.bench.size", s), 2);
            }
        }
    }
}
