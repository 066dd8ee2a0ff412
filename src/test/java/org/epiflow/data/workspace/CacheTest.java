package org.epiflow.data.workspace;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheTest {
    @TempDir
    Path tmp;

    static Clock at(String day) {
        return Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC);
    }

    /** A bundle as opened, with a payload hash derived from its id and fingerprint. */
    static OpenedBundle opened(Path file, String fingerprint, AggregateDataset data) {
        return new OpenedBundle(file, null, "0123456789abcdef", fingerprint, data,
                ExportLog.sha256Hex((data.info().bundleId() + fingerprint).getBytes(StandardCharsets.UTF_8)));
    }

    /** Records the open and caches it, as the audited opener does. */
    static BundleCatalogue.Key cache(Workspace ws, OpenedBundle b) throws Exception {
        ws.catalogue().recordOpened(b, "file");
        ws.cache().put(b);
        return BundleCatalogue.Key.of(b);
    }

    @Test
    void roundTripKeepsEveryColumn() throws Exception {
        AggregateDataset data = TestDatasets.dataset(5, 10, LocalDate.of(2099, 12, 31), 3);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Path dir = tmp.resolve("ws");
            BundleCatalogue.Key key;
            try (Workspace ws = Workspace.open(dir, officer)) {
                key = cache(ws, opened(tmp.resolve("b.epiflow"), "fp", data));
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.cache().keys()).containsExactly(key);
                AggregateDataset back = ws.cache().get(key).orElseThrow().data();
                assertSame(data, back);
                assertThat(ws.cache().get(new BundleCatalogue.Key(key.signer(), "nope", key.payloadSha256())))
                        .isEmpty();
                assertThat(ws.damage()).isEmpty();
            }
        }
    }

    @Test
    void expiredBundleIsPurgedAtOpenWithAnAuditEntry() throws Exception {
        AggregateDataset data = TestDatasets.dataset(2, 10, LocalDate.of(2030, 6, 30), 3);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Path dir = tmp.resolve("ws");
            Workspace.OpenOptions before = Workspace.OpenOptions.defaults().withClock(at("2030-06-30"));
            OpenedBundle b = opened(tmp.resolve("b.epiflow"), "fp", data);
            BundleCatalogue.Key key;
            try (Workspace ws = Workspace.open(dir, officer, before)) {
                key = cache(ws, b);
            }
            try (Workspace ws = Workspace.open(dir, officer, before)) {
                assertThat(ws.openReport().purged()).isEmpty();
                assertThat(ws.cache().get(key)).isPresent();
            }
            Workspace.OpenOptions after = Workspace.OpenOptions.defaults().withClock(at("2030-07-01"));
            try (Workspace ws = Workspace.open(dir, officer, after)) {
                assertThat(ws.openReport().purged()).singleElement().satisfies(p -> {
                    assertThat(p.bundleId()).isEqualTo(TestDatasets.BUNDLE_ID);
                    assertThat(p.expires()).isEqualTo(LocalDate.of(2030, 6, 30));
                });
                assertThat(ws.cache().keys()).isEmpty();
                assertThat(ws.cache().get(key)).isEmpty();
                assertThat(ws.catalogue().entries()).singleElement().satisfies(c -> assertThat(c.purgedAt()).isNotNull());
                List<AuditEntry> purges = ws.audit().entries().stream().filter(e -> e.kind().equals("PURGE")).toList();
                assertThat(purges).singleElement().satisfies(e -> assertThat(e.details())
                        .contains(TestDatasets.BUNDLE_ID).contains("2030-06-30"));
                assertThat(ws.audit().verify().ok()).isTrue();
                assertThatThrownBy(() -> ws.cache().put(b)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("expired");
            }
            try (Workspace ws = Workspace.open(dir, officer, after)) {
                assertThat(ws.openReport().purged()).isEmpty();
            }
        }
    }

    @Test
    void noPlaintextOnDisk() throws Exception {
        String canary = "CANARY-" + java.util.UUID.randomUUID();
        List<Region> regions = new ArrayList<>(TestDatasets.regions());
        regions.set(0, new Region("110100", canary, canary + "-en", "prefecture", "110000", 39.9, 116.4, 1000));
        AggregateDataset base = TestDatasets.dataset(30, 10, LocalDate.of(2099, 12, 31), 5);
        BundleInfo info = new BundleInfo(canary + "-bundle", canary + "-issuer", base.info().created(),
                base.info().period(), "day", "prefecture", base.info().measures(), 10, 1, base.info().purpose(),
                base.info().expires());
        AggregateDataset data = new AggregateDataset(info, new RegionTable(regions), base.flows(), base.residents());
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> tempBefore = listTemp(tempDir);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Path dir = tmp.resolve("ws");
            BundleCatalogue.Key key;
            try (Workspace ws = Workspace.open(dir, officer)) {
                key = cache(ws, opened(tmp.resolve(canary + ".epiflow"), "fp-" + canary, data));
                ws.views().save(canary + "-view", "{\"note\":\"" + canary + "\"}");
                ws.caseTables().importCsv(canary, "cases.csv", ("region,cases\n" + canary + ",5\n")
                        .getBytes(StandardCharsets.UTF_8));
                ws.sessionState().save("desktop", 1, "{\"note\":\"" + canary + "\"}");
                ws.backups().write();
                assertThat(ws.cache().get(key)).isPresent();
                assertThat(hits(dir, canary)).as("while open").isEmpty();
                List<Path> newTemp = new ArrayList<>(listTemp(tempDir));
                newTemp.removeAll(tempBefore);
                for (Path p : newTemp) {
                    assertThat(hits(p, canary)).as("temp while open " + p).isEmpty();
                }
            }
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.cache().get(key).orElseThrow().data().regions().get(0).name())
                        .isEqualTo(canary);
            }
            assertThat(hits(dir, canary)).as("workspace folder").isEmpty();
            List<Path> newTemp = new ArrayList<>(listTemp(tempDir));
            newTemp.removeAll(tempBefore);
            for (Path p : newTemp) {
                assertThat(hits(p, canary)).as("temp " + p).isEmpty();
            }
        }
    }

    private static List<Path> listTemp(Path tempDir) throws Exception {
        try (Stream<Path> s = Files.list(tempDir)) {
            return s.toList();
        }
    }

    /** Files under {@code root} containing the canary in UTF-8 or UTF-16. */
    static List<Path> hits(Path root, String canary) throws Exception {
        byte[][] needles = {canary.getBytes(StandardCharsets.UTF_8), canary.getBytes(StandardCharsets.UTF_16BE),
                canary.getBytes(StandardCharsets.UTF_16LE)};
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
                byte[] b;
                try {
                    if (Files.size(p) > 512L * 1024 * 1024) {
                        continue;
                    }
                    b = Files.readAllBytes(p);
                } catch (java.io.IOException e) {
                    continue;
                }
                for (byte[] n : needles) {
                    if (indexOf(b, n) >= 0) {
                        out.add(p);
                        break;
                    }
                }
            }
        } catch (java.io.UncheckedIOException ignored) {
            // another process's temp files come and go
        }
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void assertSame(AggregateDataset a, AggregateDataset b) {
        assertThat(b.info()).isEqualTo(a.info());
        assertThat(b.regions().all()).isEqualTo(a.regions().all());
        FlowTable fa = a.flows();
        FlowTable fb = b.flows();
        assertThat(fb.rowCount()).isEqualTo(fa.rowCount());
        assertThat(fb.dayCount()).isEqualTo(fa.dayCount());
        for (int d = 0; d < fa.dayCount(); d++) {
            assertThat(fb.firstRow(d)).isEqualTo(fa.firstRow(d));
        }
        for (int r = 0; r < fa.rowCount(); r++) {
            assertThat(fb.origin(r)).isEqualTo(fa.origin(r));
            assertThat(fb.destination(r)).isEqualTo(fa.destination(r));
            assertThat(fb.trips(r)).isEqualTo(fa.trips(r));
        }
        assertThat(b.residents().isPresent()).isEqualTo(a.residents().isPresent());
        Optional<ResidentTable> ra = a.residents();
        if (ra.isPresent()) {
            ResidentTable x = ra.get();
            ResidentTable y = b.residents().get();
            assertThat(y.rowCount()).isEqualTo(x.rowCount());
            for (int r = 0; r < x.rowCount(); r++) {
                assertThat(y.region(r)).isEqualTo(x.region(r));
                assertThat(y.residents(r)).isEqualTo(x.residents(r));
            }
        }
    }
}
