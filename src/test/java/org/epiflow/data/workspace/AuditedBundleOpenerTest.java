package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audited opener shared by the app and the command line, with real sealed bundles: renamed copies are the same
 * bundle, the same id with other content or from another carrier is a recorded conflict, the cache is used only
 * for the very same bundle and rebuilt when damaged, a session reopens from the cache alone, and nothing is opened
 * that the trail could not record.
 */
class AuditedBundleOpenerTest {
    @TempDir
    Path tmp;
    AgeIdentity officer;
    MinisignSecretKey carrierA;
    MinisignSecretKey carrierB;
    TrustStore trust;
    Path dir;
    AggregateDataset data = TestDatasets.dataset(7, 10, LocalDate.now().plusYears(1), 5);

    @BeforeEach
    void setUp() throws Exception {
        officer = AgeIdentity.generate();
        carrierA = MinisignSecretKey.generate();
        carrierB = MinisignSecretKey.generate();
        trust = TrustStore.of(carrierA.publicKey(), carrierB.publicKey());
        dir = tmp.resolve("ws");
    }

    @AfterEach
    void tearDown() {
        officer.close();
        carrierA.close();
        carrierB.close();
    }

    Path seal(String name, AggregateDataset d, MinisignSecretKey carrier) throws Exception {
        Path file = tmp.resolve(name);
        try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
            BundleSealer.seal(d, to, carrier, file);
        }
        return file;
    }

    AuditedBundleOpener opener(Workspace ws, TrustStore t) {
        return new AuditedBundleOpener(ws, new BundleReader(t), t);
    }

    AuditedBundleOpener.Opened open(Workspace ws, Path file) throws Exception {
        return opener(ws, trust).openUsingCache(file, () -> BundleCredentials.of(officer), BundleProgress.NONE);
    }

    List<String> kinds(Workspace ws) throws Exception {
        return ws.audit().entries().stream().map(AuditEntry::kind).toList();
    }

    @Test
    void aRenamedCopyIsTheSameBundleAndComesFromTheCache() throws Exception {
        Path original = seal("wuhan-2020.epiflow", data, carrierA);
        Path renamed = tmp.resolve("copy of the bundle.epiflow");
        Files.copy(original, renamed);
        try (Workspace ws = Workspace.open(dir, officer)) {
            AuditedBundleOpener.Opened first = open(ws, original);
            assertThat(first.how()).isEqualTo(AuditedBundleOpener.How.FILE);
            assertThat(first.recorded().firstTime()).isTrue();
            assertThat(first.bundle().payloadSha256()).hasSize(64);
            AuditedBundleOpener.Opened again = open(ws, renamed);
            assertThat(again.how()).isEqualTo(AuditedBundleOpener.How.CACHE);
            assertThat(again.recorded().firstTime()).isFalse();
            assertThat(again.recorded().conflict()).isFalse();
            assertThat(again.recorded().previousFile()).hasValue(original.toAbsolutePath().normalize().toString());
            assertThat(ws.catalogue().entries()).singleElement().satisfies(e -> {
                assertThat(e.openCount()).isEqualTo(2);
                assertThat(e.lastFile()).isEqualTo(renamed.toAbsolutePath().normalize().toString());
                assertThat(e.firstFile()).isEqualTo(original.toAbsolutePath().normalize().toString());
            });
            AuditEntry last = ws.audit().entries().stream().filter(e -> e.kind().equals("BUNDLE_OPEN"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(last.details()).contains("\"previousFile\":\"wuhan-2020.epiflow\"")
                    .contains("\"openedFrom\":\"cache\"");
            assertThat(kinds(ws)).doesNotContain("BUNDLE_CONFLICT");
        }
    }

    @Test
    void theSameIdWithOtherContentOrFromAnotherCarrierIsARecordedConflict() throws Exception {
        Path original = seal("a.epiflow", data, carrierA);
        AggregateDataset weaker = TestDatasets.dataset(7, 1, LocalDate.now().plusYears(1), 6);
        assertThat(weaker.info().bundleId()).isEqualTo(data.info().bundleId());
        Path replay = seal("a-new.epiflow", weaker, carrierA);
        Path otherCarrier = seal("b.epiflow", data, carrierB);
        try (Workspace ws = Workspace.open(dir, officer)) {
            open(ws, original);
            AuditedBundleOpener.Opened k1 = open(ws, replay);
            assertThat(k1.how()).as("other content never comes from the cache").isEqualTo(AuditedBundleOpener.How.FILE);
            assertThat(k1.recorded().conflict()).isTrue();
            assertThat(k1.recorded().conflicts()).singleElement().satisfies(e -> assertThat(e.k()).isEqualTo(10));
            assertThat(k1.bundle().data().info().k()).isEqualTo(1);
            AuditedBundleOpener.Opened b = open(ws, otherCarrier);
            assertThat(b.recorded().conflicts()).hasSize(2);
            assertThat(ws.catalogue().entries()).hasSize(3).extracting(BundleCatalogue.Entry::signer)
                    .containsOnly(carrierA.publicKey().keyIdHex(), carrierB.publicKey().keyIdHex());
            List<AuditEntry> conflicts = ws.audit().entries().stream()
                    .filter(e -> e.kind().equals("BUNDLE_CONFLICT")).toList();
            assertThat(conflicts).hasSize(2);
            assertThat(conflicts.get(0).details()).contains(data.info().bundleId()).contains("\"k\":10")
                    .contains(k1.bundle().payloadSha256());
            assertThat(ws.cache().keys()).hasSize(3);
            assertThat(ws.cache().get(BundleCatalogue.Key.of(k1.bundle())).orElseThrow().data().info().k())
                    .isEqualTo(1);
        }
    }

    @Test
    void aSessionReopensFromTheCacheAloneWhileTheSignerIsTrustedAndTheBundleNotExpired() throws Exception {
        Path file = seal("a.epiflow", data, carrierA);
        BundleCatalogue.Key key;
        try (Workspace ws = Workspace.open(dir, officer)) {
            key = BundleCatalogue.Key.of(open(ws, file).bundle());
        }
        Files.delete(file);
        try (Workspace ws = Workspace.open(dir, officer)) {
            AuditedBundleOpener.Opened o = opener(ws, trust).reopen(key).orElseThrow();
            assertThat(o.how()).isEqualTo(AuditedBundleOpener.How.SESSION);
            CacheTest.assertSame(data, o.bundle().data());
            assertThat(o.bundle().header().bundleId()).isEqualTo(data.info().bundleId());
            assertThat(o.bundle().signerKeyId()).isEqualTo(carrierA.publicKey().keyIdHex());
            assertThat(ws.audit().entries().get(ws.audit().entries().size() - 1).details())
                    .contains("\"openedFrom\":\"session\"");
            assertThat(opener(ws, TrustStore.of(carrierB.publicKey())).reopen(key))
                    .as("the carrier key was removed from the trust store").isEmpty();
        }
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(400));
        try (Workspace ws = Workspace.open(dir, officer, Workspace.OpenOptions.defaults().withClock(later))) {
            assertThat(opener(ws, trust).reopen(key)).as("expired since").isEmpty();
        }
    }

    @Test
    void aDamagedCachedCopyIsDroppedNamedAndRebuiltFromTheFile() throws Exception {
        Path file = seal("a.epiflow", data, carrierA);
        try (Workspace ws = Workspace.open(dir, officer)) {
            open(ws, file);
        }
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement s = c.createStatement()) {
            s.execute("UPDATE dataset_cache SET content = X'00010203'");
            s.execute("SHUTDOWN");
        }
        try (Workspace ws = Workspace.open(dir, officer)) {
            AuditedBundleOpener.Opened o = open(ws, file);
            assertThat(o.how()).isEqualTo(AuditedBundleOpener.How.FILE);
            CacheTest.assertSame(data, o.bundle().data());
            assertThat(ws.damage()).singleElement().satisfies(d -> {
                assertThat(d.area()).isEqualTo(Damage.Area.CACHE);
                assertThat(d.rebuilt()).isTrue();
                assertThat(d.message().english()).contains("the cached copy of bundle " + data.info().bundleId())
                        .contains("rebuilds it from the bundle file");
                assertThat(org.epiflow.text.Texts.inChinese().format(d)).contains("缓存副本").contains("重新生成");
            });
            assertThat(kinds(ws)).contains("DAMAGE", "PURGE");
            assertThat(open(ws, file).how()).as("rebuilt").isEqualTo(AuditedBundleOpener.How.CACHE);
        }
    }

    @Test
    void nothingIsOpenedThatTheTrailCannotRecordAndRefusalsAreRecorded() throws Exception {
        Path file = seal("a.epiflow", data, carrierA);
        Workspace closed = Workspace.open(dir, officer);
        closed.close();
        assertThatThrownBy(() -> open(closed, file)).isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason()).isEqualTo(
                        WorkspaceException.Reason.CLOSED));
        byte[] b = Files.readAllBytes(file);
        b[b.length - 10] ^= 1;
        Path tampered = Files.write(tmp.resolve("tampered.epiflow"), b);
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThatThrownBy(() -> open(ws, tampered)).isInstanceOf(BundleException.class);
            assertThat(kinds(ws)).contains("BUNDLE_REFUSED").doesNotContain("BUNDLE_OPEN");
            assertThat(ws.catalogue().entries()).isEmpty();
        }
    }
}
