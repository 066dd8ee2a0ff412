package org.epiflow.bench;

import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.data.workspace.AuditedBundleOpener;
import org.epiflow.data.workspace.BundleCatalogue;
import org.epiflow.data.workspace.Workspace;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The return to the officer's work after an unlock (issue 12 item 7), on the demo, below the window: opening the
 * workspace, reading the session document, reopening the demo bundle from the encrypted cache alone (MAC of the
 * cached copy, expiry and trust checked, the reopening recorded), reading the imported cases.csv back from the
 * workspace and checking it against the bundle, and running the importation model again — against opening the
 * same file with every check (signature, decryption, aggregate rules), which is what a return from the file would
 * cost. The workstation adds drawing the map on top.
 */
public final class CarryBench {
    private final int runs;

    public CarryBench(int runs) {
        this.runs = runs;
    }

    public void run(PrintWriter out) throws Exception {
        Path tmp = Files.createTempDirectory("epiflow-bench-carry-");
        try {
            DemoInstaller.Installed demo = DemoInstaller.create(tmp.resolve("demo"), DemoScenario.DEFAULT_SEED,
                    DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
            TrustStore trust = TrustStore.load(demo.trustStore());
            Path dir = tmp.resolve("ws");
            Workspace.OpenOptions noBackup = Workspace.OpenOptions.defaults().withBackupOnClose(null);
            try (AgeIdentity officer = AgeIdentityFile.read(demo.officerKey(),
                    DemoInstaller.DEFAULT_PASSPHRASE.toCharArray())) {
                BundleCatalogue.Key key;
                long table;
                try (Workspace ws = Workspace.open(dir, officer, noBackup)) {
                    AuditedBundleOpener.Opened o = new AuditedBundleOpener(ws, new BundleReader(trust), trust)
                            .open(demo.bundle(), () -> BundleCredentials.of(officer), BundleProgress.NONE);
                    key = BundleCatalogue.Key.of(o.bundle());
                    byte[] csv = Files.readAllBytes(demo.dir().resolve(DemoInstaller.CASES));
                    table = ws.caseTables().importCsv("cases.csv", "cases.csv", csv);
                    ws.sessionState().save("desktop", 1, "{\"bundles\":[{\"key\":\"" + key + "\"}],\"risk\":"
                            + "{\"caseTable\":" + table + "}}");
                }
                List<Double> open = new ArrayList<>();
                List<Double> doc = new ArrayList<>();
                List<Double> reopen = new ArrayList<>();
                List<Double> cases = new ArrayList<>();
                List<Double> model = new ArrayList<>();
                List<Double> total = new ArrayList<>();
                List<Double> fromFile = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    try (Workspace ws = Workspace.open(dir, officer, noBackup)) {
                        open.add(Stats.ms(t0));
                        long t = System.nanoTime();
                        ws.sessionState().load("desktop").orElseThrow();
                        doc.add(Stats.ms(t));
                        t = System.nanoTime();
                        OpenedBundle b = new AuditedBundleOpener(ws, new BundleReader(trust), trust).reopen(key)
                                .orElseThrow().bundle();
                        reopen.add(Stats.ms(t));
                        t = System.nanoTime();
                        byte[] csv = ws.caseTables().content(table).orElseThrow();
                        CaseTable c;
                        try (var in = new InputStreamReader(new ByteArrayInputStream(csv),
                                StandardCharsets.UTF_8.newDecoder())) {
                            c = new CaseCsvReader(b.data().info().period(), b.data().regions(), false)
                                    .read(in, "cases.csv");
                        }
                        Arrays.fill(csv, (byte) 0);
                        cases.add(Stats.ms(t));
                        t = System.nanoTime();
                        RiskModels.run(new RiskRequest(b.data(), c, List.of(), List.of(), null, null, null,
                                RiskModel.IMPORTATION.defaults()));
                        model.add(Stats.ms(t));
                        total.add(Stats.ms(t0));
                        t = System.nanoTime();
                        try (BundleCredentials creds = BundleCredentials.of(officer)) {
                            new BundleReader(trust).open(demo.bundle(), creds, BundleProgress.NONE);
                        }
                        fromFile.add(Stats.ms(t));
                    }
                }
                out.printf("return to the session after unlock, demo bundle (%,d bytes) + cases.csv + one "
                        + "importation run, %d runs (median, min):%n", demo.bundleBytes(), runs);
                row(out, "open the workspace", open);
                row(out, "read the session document", doc);
                row(out, "reopen the bundle from the encrypted cache", reopen);
                row(out, "read cases.csv back and check it", cases);
                row(out, "run the importation model again", model);
                row(out, "total (the map then draws as after any open)", total);
                row(out, "for comparison: open the file with every check", fromFile);
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void row(PrintWriter out, String what, List<Double> ms) {
        out.printf("  %-50s %8.1f ms  (min %.1f)%n", what, Stats.median(ms), Stats.min(ms));
    }
}
