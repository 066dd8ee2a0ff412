package org.epiflow.cli;

import org.epiflow.bundle.SealRecipients;
import org.epiflow.data.demo.DemoCalendar;
import org.epiflow.data.demo.DemoFigures;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
            throw new CliException(Message.of("cli.workFactor.range"), 2);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException(Message.of("cli.demo.notFolder", out), 2);
        }
        if (Files.isDirectory(out) && !isEmpty(out)) {
            if (!force) {
                throw new CliException(Message.of("cli.demo.notEmpty", out), 2);
            }
            DemoInstaller.clear(out);
        }
        char[] pass = passphraseFile == null ? DemoInstaller.DEFAULT_PASSPHRASE.toCharArray()
                : Secrets.passphrase(EpiflowCommand.texts(spec), passphraseFile,
                        Message.of("cli.prompt.demoOfficer"), true);
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
        Texts t = EpiflowCommand.texts(spec);
        DemoFigures f = in.scenario().figures();
        w.println(t.get("cli.demo.wrote", in.scenario().seed(), in.dir()));
        for (String name : DemoInstaller.FILES) {
            w.printf("  %s%n", name);
        }
        Columns.print(w, "", 17, List.of(
                new String[] {t.get("cli.demo.regions"), t.get("cli.demo.regions.value", f.regions())},
                new String[] {t.get("cli.demo.days"), t.get("cli.demo.days.value", f.days(),
                        DemoCalendar.START.toString(), DemoCalendar.END.toString(),
                        DemoCalendar.FESTIVAL.toString(), DemoCalendar.RESTRICTIONS.toString())},
                new String[] {t.get("cli.demo.cells"), t.get("cli.demo.cells.value", f.publishedCells(),
                        f.suppressedCells(), DemoScenario.K)},
                new String[] {t.get("cli.demo.trips"), t.get("cli.demo.trips.value", f.publishedTrips(),
                        f.suppressedTrips())},
                new String[] {t.get("cli.demo.cases"), t.get("cli.demo.cases.value", f.reportedCases(),
                        f.infections())},
                new String[] {t.get("cli.demo.seedCity"), t.get("cli.demo.seedCity.value", f.seedRegionName(),
                        f.seedRegionCode())},
                new String[] {t.get("cli.demo.bundle"), t.get("cli.demo.bundle.value", in.bundleBytes(),
                        in.generateMillis(), in.sealMillis())},
                new String[] {t.get("cli.demo.officer"), in.officerRecipient().toString()},
                new String[] {t.get("cli.demo.carrierKey"), String.valueOf(in.carrierKeyId())}));
        w.println(defaultPassphrase ? t.get("cli.demo.passphrase", DemoInstaller.DEFAULT_PASSPHRASE)
                : t.get("cli.demo.passphraseFile", passphraseFile));
        w.println(t.get("cli.demo.openIt", in.officerKey(), in.trustStore(), in.bundle()));
        w.flush();
    }
}
