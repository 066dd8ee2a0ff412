package org.epiflow.cli;

import org.epiflow.bundle.SealRecipients;
import org.epiflow.data.demo.DemoCalendar;
import org.epiflow.data.demo.DemoFigures;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code epiflow demo}: writes the synthetic demo scenario (keys, sealed bundle, cases, hidden truth). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write the demo scenario: SYNTHETIC daily trips between China's 367 prefecture-level units "
                + "(gravity model, Spring-Festival migration, travel restrictions) sealed as a bundle, with fresh "
                + "demo keys, the reported cases of a simulated epidemic, and its hidden truth.",
                "Files: carrier.key (unencrypted, demo only), carrier.pub, officer.key, demo.epiflow, cases.csv, "
                        + "truth.csv, truth.json, README.txt.",
                "officer.key's passphrase is '" + DemoInstaller.DEFAULT_PASSPHRASE
                        + "' unless --passphrase-file is given."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "folder to write (created if missing; must be empty "
            + "unless --force)")
    Path out;

    @Option(names = "--seed", defaultValue = "" + DemoScenario.DEFAULT_SEED,
            description = "random seed: the same seed gives the same trips and epidemic (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--passphrase-file", description = "read officer.key's passphrase here (default: '"
            + DemoInstaller.DEFAULT_PASSPHRASE + "')")
    Path passphraseFile;

    @Option(names = "--work-factor", defaultValue = "" + SealRecipients.DEFAULT_LOG_N,
            description = "scrypt work factor log2(N) for officer.key, 10..20 (default ${DEFAULT-VALUE}, as age)")
    int workFactor;

    @Option(names = "--force", description = "write into a non-empty folder, replacing the demo files there "
            + "(other files are left alone)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (workFactor < 10 || workFactor > 20) {
            throw new CliException("--work-factor must be between 10 and 20", 2);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException(out + " exists and is not a folder", 2);
        }
        if (Files.isDirectory(out) && !isEmpty(out)) {
            if (!force) {
                throw new CliException(out + " is not empty; choose an empty folder or add --force to replace "
                        + "the demo files in it", 2);
            }
            DemoInstaller.clear(out);
        }
        char[] pass = passphraseFile == null ? DemoInstaller.DEFAULT_PASSPHRASE.toCharArray()
                : Secrets.passphrase(passphraseFile, "Passphrase for officer.key", true);
        DemoInstaller.Installed in;
        try {
            in = DemoInstaller.create(out, seed, pass, workFactor);
        } finally {
            Arrays.fill(pass, '\0');
        }
        print(in, passphraseFile == null);
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private void print(DemoInstaller.Installed in, boolean defaultPassphrase) {
        PrintWriter w = spec.commandLine().getOut();
        DemoFigures f = in.scenario().figures();
        w.printf("Wrote the demo scenario (synthetic data, seed %d) to %s:%n", in.scenario().seed(), in.dir());
        for (String name : DemoInstaller.FILES) {
            w.printf("  %s%n", name);
        }
        w.printf("Regions          %,d%n", f.regions());
        w.printf("Days             %,d (%s to %s; festival %s, restrictions from %s)%n", f.days(),
                DemoCalendar.START, DemoCalendar.END, DemoCalendar.FESTIVAL, DemoCalendar.RESTRICTIONS);
        w.printf("Flow cells       %,d published, %,d suppressed below k = %d%n", f.publishedCells(),
                f.suppressedCells(), DemoScenario.K);
        w.printf("Trips            %,d published (%,d withheld in suppressed cells)%n", f.publishedTrips(),
                f.suppressedTrips());
        w.printf("Reported cases   %,d (true infections: %,d, in truth.csv)%n", f.reportedCases(), f.infections());
        w.printf("Seed city        %s (%s)%n", f.seedRegionName(), f.seedRegionCode());
        w.printf("Bundle           %,d bytes; generated in %,d ms, sealed in %,d ms%n", in.bundleBytes(),
                in.generateMillis(), in.sealMillis());
        w.printf("Officer          %s%n", in.officerRecipient());
        w.printf("Carrier key id   %s%n", in.carrierKeyId());
        w.printf("officer.key passphrase: %s%n", defaultPassphrase ? DemoInstaller.DEFAULT_PASSPHRASE
                : "the one in " + passphraseFile);
        w.printf("Open it: epiflow inspect --identity %s --trust %s %s%n", in.officerKey(), in.trustStore(),
                in.bundle());
        w.flush();
    }
}
