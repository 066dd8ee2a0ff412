package org.epiflow.data.workspace;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One flipped byte at a time across a populated workspace — its database (holding a cached dataset, views, risk
 * runs, exports, case tables, settings, the session document, the trail), its key file and its journal. After each
 * flip the workspace is opened and everything in it is read and compared with what was written. Allowed outcomes:
 * nothing changed (the byte was free space), or the damage is named — at open (a {@link WorkspaceException} with
 * words from the catalogue) or while reading (a {@link Damage}, the item left out or rebuilt). Not allowed: a raw
 * database error in a message, any other exception, a value that differs from what was written without damage
 * being reported for it, a broken trail reported as intact.
 *
 * <p>In CI a spread of positions (about {@value #CI_FLIPS} per run); the documented longer run flips every 16th byte:
 * {@code mvn -B -o test -Dtest=WorkspaceFlipTest -Depiflow.flip.stride=16} (docs/workspace-and-audit.md).
 */
class WorkspaceFlipTest {
    static final int CI_FLIPS = 160;
    private static final Pattern RAW = Pattern.compile("\\[\\d{5}-\\d+]|MVStore|org\\.h2|Exception|SQL|"
            + "NegativeArraySize|DateTime|General error|Data conversion");

    @TempDir
    Path tmp;

    /** What was written, to compare with what is read back. */
    record Expected(Map<String, String> views, List<String> riskRuns, List<String> exports,
                    Map<String, String> caseTables, int idleMinutes, String session, BundleCatalogue.Key key,
                    AggregateDataset data, List<AuditEntry> trail) {
    }

    @Test
    void flippedBytesAreHarmlessOrNamedNeverSilent() throws Exception {
        int stride = Integer.getInteger("epiflow.flip.stride", 0);
        Path pristine = tmp.resolve("pristine");
        Expected expected;
        try (AgeIdentity officer = AgeIdentity.generate()) {
            expected = populate(pristine, officer);
            List<Path> files = new ArrayList<>(List.of(pristine.resolve(Workspace.DB_FILE),
                    pristine.resolve(WorkspaceMeta.FILE), pristine.resolve(AuditJournal.FILE)));
            long total = 0;
            for (Path f : files) {
                total += Files.size(f);
            }
            Random rnd = new Random(Long.getLong("epiflow.flip.seed", 16));
            List<long[]> flips = new ArrayList<>();
            for (int fi = 0; fi < files.size(); fi++) {
                long size = Files.size(files.get(fi));
                long step = stride > 0 ? stride : Math.max(1, total / CI_FLIPS);
                for (long pos = rnd.nextInt((int) Math.min(step, size)); pos < size; pos += step) {
                    flips.add(new long[] {fi, pos});
                }
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            ExecutorService one = Executors.newSingleThreadExecutor();
            try {
                int n = 0;
                for (long[] flip : flips) {
                    Path file = files.get((int) flip[0]);
                    Path copy = tmp.resolve("trial");
                    deleteTree(copy);
                    copyTree(pristine, copy);
                    Path target = copy.resolve(file.getFileName());
                    byte[] b = Files.readAllBytes(target);
                    b[(int) flip[1]] ^= (byte) (1 + rnd.nextInt(255));
                    Files.write(target, b);
                    String where = file.getFileName() + "@" + flip[1];
                    boolean tryRestore = n++ % 7 == 0;
                    Future<String> f = one.submit(() -> trial(copy, officer, expected, where, tryRestore));
                    String outcome;
                    try {
                        outcome = f.get(120, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        outcome = "FAIL " + e.getCause();
                        failures.add(where + ": " + e.getCause());
                    }
                    outcomes.merge(outcome.startsWith("FAIL") ? "FAIL" : outcome, 1, Integer::sum);
                    if (outcome.startsWith("FAIL") && !failures.contains(where + ": " + outcome)) {
                        failures.add(where + ": " + outcome);
                    }
                }
            } finally {
                one.shutdownNow();
            }
            System.out.println("flips " + flips.size() + " over " + total + " bytes (stride " + (stride > 0 ? stride
                    : "spread") + "): " + outcomes);
            assertThat(failures).as("raw errors, unhandled exceptions or silent changes").isEmpty();
            assertThat(flips.size()).isGreaterThanOrEqualTo(stride > 0 ? (int) (total / stride) - 3 : CI_FLIPS / 2);
        }
    }

    /** One flipped workspace: opened, everything read and compared. Returns the outcome, or "FAIL …". */
    private static String trial(Path dir, AgeIdentity officer, Expected x, String where, boolean tryRestore)
            throws Exception {
        Workspace ws;
        try {
            ws = Workspace.open(dir, officer, Workspace.OpenOptions.command("flip test").withCreateIfMissing(false)
                    .withBackupOnClose(null));
        } catch (WorkspaceException e) {
            String raw = raw(e);
            if (raw != null) {
                return "FAIL raw error at open: " + raw;
            }
            if (tryRestore && e.restoreHelps()) {
                try (Workspace restored = WorkspaceRestore.restore(dir, officer, null,
                        Workspace.OpenOptions.command("flip test").withBackupOnClose(null)).workspace()) {
                    if (!restored.check().ok()) {
                        return "FAIL the restored workspace is not intact";
                    }
                }
                return "refused at open (" + e.reason() + "), restored";
            }
            return "refused at open (" + e.reason() + ")";
        }
        try {
            List<String> silent = new ArrayList<>();
            compare(ws, x, silent);
            if (!silent.isEmpty()) {
                return "FAIL silent change: " + silent;
            }
            for (Damage d : ws.damage()) {
                String raw = raw(d);
                if (raw != null) {
                    return "FAIL raw words in a damage report: " + raw;
                }
            }
            return ws.damage().isEmpty() ? "harmless" : "damage named on reading";
        } finally {
            ws.close();
        }
    }

    /** Reads every store; anything that differs without damage reported for its area is a silent change. */
    private static void compare(Workspace ws, Expected x, List<String> silent) {
        read(ws, Damage.Area.SAVED_VIEWS, silent, () -> {
            Map<String, String> got = new LinkedHashMap<>();
            ws.views().list().forEach(v -> got.put(v.name(), v.json()));
            return differs(x.views(), got);
        });
        read(ws, Damage.Area.RISK_RUNS, silent, () -> differs(x.riskRuns(),
                ws.riskRuns().list().stream().map(r -> r.id() + r.model() + r.parametersJson() + r.summaryJson()
                        + r.bundleId() + r.created()).toList()));
        read(ws, Damage.Area.EXPORTS, silent, () -> differs(x.exports(),
                ws.exports().list().stream().map(r -> r.fileName() + r.sha256() + r.format()).toList()));
        read(ws, Damage.Area.CASE_TABLES, silent, () -> {
            Map<String, String> got = new LinkedHashMap<>();
            for (CaseTableStore.CaseTable t : ws.caseTables().list()) {
                Optional<byte[]> c = ws.caseTables().content(t.id());
                got.put(t.name() + t.columns() + t.rowCount(), c.map(b -> new String(b, StandardCharsets.UTF_8))
                        .orElse("(gone)"));
            }
            return differs(x.caseTables(), got);
        });
        read(ws, Damage.Area.SETTINGS, silent, () -> ws.settings().idleLockMinutes() == x.idleMinutes() ? null
                : "idle minutes " + ws.settings().idleLockMinutes());
        read(ws, Damage.Area.SESSION_STATE, silent, () -> {
            String got = ws.sessionState().load("desktop").map(SessionStateStore.SessionState::json).orElse(null);
            return x.session().equals(got) ? null : "session " + got;
        });
        read(ws, Damage.Area.CATALOGUE, silent, () -> {
            List<BundleCatalogue.Entry> e = ws.catalogue().entries();
            return e.size() == 1 && e.get(0).key().equals(x.key()) && e.get(0).k() == x.data().info().k()
                    && e.get(0).issuer().equals(x.data().info().issuer()) ? null : "catalogue " + e;
        });
        read(ws, Damage.Area.CACHE, silent, () -> {
            List<BundleCatalogue.Key> keys = ws.cache().keys();
            Optional<DatasetCache.Cached> c = ws.cache().get(x.key());
            if (c.isEmpty()) {
                StringBuilder diag = new StringBuilder();
                try {
                    diag.append(" catalogue ids ").append(ws.catalogue().entries().stream().map(
                            BundleCatalogue.Entry::id).toList());
                    synchronized (ws.tx().connection) {
                        try (var st = ws.tx().connection.createStatement();
                             var rs = st.executeQuery("SELECT catalogue_id, byte_count, LENGTH(content) FROM "
                                     + "dataset_cache")) {
                            while (rs.next()) {
                                diag.append(" row ").append(rs.getLong(1)).append(" bytes ").append(rs.getLong(2))
                                        .append(" len ").append(rs.getLong(3));
                            }
                        }
                    }
                } catch (Exception e) {
                    diag.append(" diag failed ").append(e);
                }
                return keys.isEmpty() && ws.damage().isEmpty() ? "cache entry gone" : "cache entry gone (keys "
                        + keys + ")" + diag + " damage " + ws.damage();
            }
            return same(x.data(), c.get().data()) ? null : "cached tables differ";
        });
        read(ws, Damage.Area.AUDIT_TRAIL, silent, () -> {
            AuditVerification v = ws.audit().verify();
            if (!v.ok()) {
                ws.tx().report(new Damage(Damage.Area.AUDIT_TRAIL, "chain", Message.of("data.item.trail"),
                        v.message(), false));
                return RAW.matcher(v.summary()).find() ? "raw words in the verification: " + v.summary() : null;
            }
            List<AuditEntry> got = ws.audit().entries();
            for (int i = 0; i < x.trail().size(); i++) {
                if (i >= got.size() || !Arrays.equals(got.get(i).hash(), x.trail().get(i).hash())
                        || !got.get(i).details().equals(x.trail().get(i).details())) {
                    return "trail entry #" + (i + 1) + " differs but the chain verifies";
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Read {
        String diff() throws Exception;
    }

    private static void read(Workspace ws, Damage.Area area, List<String> silent, Read r) {
        String diff;
        try {
            diff = r.diff();
        } catch (WorkspaceException e) {
            String raw = raw(e);
            if (raw != null) {
                silent.add(area + ": raw error " + raw);
            }
            return;
        } catch (Exception | Error e) {
            silent.add(area + ": unhandled " + e);
            return;
        }
        if (diff == null) {
            return;
        }
        // a cached copy is reached through its catalogue entry: damage to that entry names it too
        boolean named = ws.damage().stream().anyMatch(d -> d.area() == area || d.area() == Damage.Area.DATABASE
                || area == Damage.Area.CACHE && d.area() == Damage.Area.CATALOGUE);
        if (!named) {
            silent.add(area + ": " + diff);
        }
    }

    private static <T> String differs(T expected, T got) {
        return expected.equals(got) ? null : "got " + got;
    }

    /** The raw database words in a message for people, or null when it is all ours. */
    private static String raw(Localized l) {
        String en = Texts.inEnglish().format(l);
        String zh = Texts.inChinese().format(l);
        if (en.contains("!data.") || zh.contains("!data.") || en.contains("!common.")) {
            return "missing words: " + en;
        }
        if (l instanceof WorkspaceException w && !w.what().key().startsWith("data.")) {
            return "not a data message: " + w.what().key();
        }
        return RAW.matcher(en).find() ? en : null;
    }

    private static boolean same(AggregateDataset a, AggregateDataset b) {
        try {
            CacheTest.assertSame(a, b);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static Expected populate(Path dir, AgeIdentity officer) throws Exception {
        AggregateDataset data = TestDatasets.dataset(6, 10, LocalDate.of(2099, 12, 31), 7);
        Map<String, String> views = new LinkedHashMap<>();
        Map<String, String> cases = new LinkedHashMap<>();
        List<String> runs = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        BundleCatalogue.Key key;
        try (Workspace ws = Workspace.open(dir, officer)) {
            OpenedBundle b = CacheTest.opened(dir.resolve("bundle.epiflow"), "1A2B-3C4D-5E6F-7A8B", data);
            key = CacheTest.cache(ws, b);
            for (int i = 0; i < 3; i++) {
                String json = "{\"bundle\":{\"id\":\"" + data.info().bundleId() + "\"},\"topN\":" + (50 + i) + "}";
                ws.views().save("view " + i, json);
                views.put("view " + i, json);
                ws.riskRuns().record("importation", "{\"days\":" + i + "}", "{\"top\":\"420100\"}", "b");
                Path f = Files.writeString(dir.getParent().resolve("export-" + i + ".png"), "png " + i);
                ws.exports().record(f, "png", data.info().bundleId());
                exports.add("export-" + i + ".png" + ExportLog.sha256Hex(f) + "png");
                String csv = "date,region,cases\n2020-01-1" + i + ",420100," + (40 + i) + "\n";
                ws.caseTables().importCsv("cases " + i, "cases.csv", csv.getBytes(StandardCharsets.UTF_8));
                cases.put("cases " + i + "[date, region, cases]1", csv);
                ws.audit().append(AuditKind.EXPORT, Map.of("file", "map-" + i + ".png"));
            }
            ws.settings().setIdleLockMinutes(7);
            ws.sessionState().save("desktop", 1, "{\"open\":[\"" + key + "\"]}");
            for (RiskRunLog.RiskRunRecord r : ws.riskRuns().list()) {
                runs.add(r.id() + r.model() + r.parametersJson() + r.summaryJson() + r.bundleId() + r.created());
            }
        }
        List<AuditEntry> trail;
        try (Workspace ws = Workspace.open(dir, officer, Workspace.OpenOptions.defaults().withBackupOnClose(null))) {
            trail = ws.audit().entries();
        }
        return new Expected(views, runs, exports, cases, 7, "{\"open\":[\"" + key + "\"]}", key, data, trail);
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("workspace.lock")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
