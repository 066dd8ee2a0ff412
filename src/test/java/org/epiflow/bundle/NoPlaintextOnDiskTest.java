package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing and opening (successfully or not) leave no plaintext in the temp folder or beside the bundle. */
class NoPlaintextOnDiskTest {
    static final String CANARY = "CANARY-9f3b2c71-plaintext";

    @TempDir
    Path dir;

    @Test
    void canaryNeverReachesTheDisk() throws Exception {
        AggregateDataset base = TestDatasets.dataset(4, 10, LocalDate.of(2099, 1, 1), 9);
        List<Region> regions = new ArrayList<>(base.regions().all());
        Region first = regions.get(0);
        regions.set(0, new Region(first.code(), first.name(), CANARY, first.level(), first.parent(), first.lat(),
                first.lon(), first.population()));
        AggregateDataset data = new AggregateDataset(base.info(), new RegionTable(regions), base.flows(),
                base.residents());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long start = System.currentTimeMillis() - 2000;
        try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate();
             SealRecipients to = SealRecipients.officers(List.of(officer.recipient()));
             BundleCredentials creds = BundleCredentials.of(officer)) {
            Path file = dir.resolve("canary.epiflow");
            BundleSealer.seal(data, to, carrier, file);
            BundleReader reader = new BundleReader(TrustStore.of(carrier.publicKey()), BundleLimits.DEFAULT,
                    BundleOpenTest.TODAY);
            OpenedBundle opened = reader.open(file, creds, BundleProgress.NONE);
            assertThat(opened.data().regions().get(0).nameEn()).isEqualTo(CANARY);
            Path expired = dir.resolve("refused.epiflow");
            BundleSealer.seal(new AggregateDataset(TestDatasets.info(4, 10, LocalDate.of(2020, 1, 1)),
                    data.regions(), data.flows(), data.residents()), to, carrier, expired);
            assertThatThrownBy(() -> reader.open(expired, creds, BundleProgress.NONE))
                    .isInstanceOf(BundleExpiredException.class);
        }
        List<Path> hits = new ArrayList<>();
        scan(dir, hits, 0);
        scan(tmp, hits, start);
        assertThat(hits).as("files containing the canary").isEmpty();
    }

    /** Files under root written since {@code since} (ms) that contain the canary. */
    private static void scan(Path root, List<Path> hits, long since) throws IOException {
        byte[] needle = CANARY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() >= since && Files.size(p) < 512L * 1024 * 1024
                            && indexOf(Files.readAllBytes(p), needle) >= 0) {
                        hits.add(p);
                    }
                } catch (IOException unreadable) {
                    // another process's file vanished or is unreadable: not ours
                }
            }
        } catch (java.io.UncheckedIOException vanished) {
            // a folder vanished while walking (another process): scan what remained
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
