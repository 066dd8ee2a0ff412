package org.epiflow.data.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.age.WrongPassphraseException;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The installed demo folder: the bundle opens for the officer, passes every check, and no flows leak. */
class DemoInstallerTest {
    static final char[] PASS = DemoInstaller.DEFAULT_PASSPHRASE.toCharArray();

    @TempDir
    static Path root;
    static DemoInstaller.Installed installed;

    @BeforeAll
    static void install() throws Exception {
        long t0 = System.nanoTime();
        installed = DemoInstaller.create(root.resolve("demo"), 11, PASS, 10);
        System.out.printf("demo installed in %d ms (generate %d ms, seal %d ms), bundle %,d bytes%n",
                (System.nanoTime() - t0) / 1_000_000, installed.generateMillis(), installed.sealMillis(),
                installed.bundleBytes());
    }

    @Test
    void theBundleOpensWithTheOfficerIdentityAndPassesEveryCheck() throws Exception {
        long t0 = System.nanoTime();
        OpenedBundle b;
        try (AgeIdentity id = AgeIdentityFile.read(installed.officerKey(), PASS);
             BundleCredentials c = BundleCredentials.of(id)) {
            assertThat(id.recipient()).isEqualTo(installed.officerRecipient());
            b = new BundleReader(TrustStore.load(installed.trustStore())).open(installed.bundle(), c,
                    BundleProgress.NONE);
        }
        System.out.printf("demo bundle opened in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        AggregateDataset sealed = installed.scenario().dataset();
        assertThat(b.data().info()).isEqualTo(sealed.info());
        assertThat(b.data().regions().all()).isEqualTo(sealed.regions().all());
        DemoScenarioTest.assertSameFlows(b.data().flows(), sealed.flows());
        DemoScenarioTest.assertSameResidents(b.data().residents().orElseThrow(), sealed.residents().orElseThrow());
        assertThat(b.signerKeyId()).isEqualTo(installed.carrierKeyId());
        assertThat(b.data().info().k()).isEqualTo(10);
        assertThat(b.data().info().expires()).isAfter(LocalDate.now().plusYears(4));
    }

    @Test
    void theOfficerKeyNeedsThePassphrase() {
        assertThatThrownBy(() -> AgeIdentityFile.read(installed.officerKey(), "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void theCarrierKeyIsUnencryptedAndMatchesTheTrustStore() throws Exception {
        try (MinisignSecretKey key = MinisignSecretKey.read(installed.dir().resolve(DemoInstaller.CARRIER_KEY),
                null)) {
            assertThat(key.keyIdHex()).isEqualTo(installed.carrierKeyId());
            assertThat(TrustStore.load(installed.trustStore()).keys()).containsExactly(key.publicKey());
        }
    }

    @Test
    void onlyTheListedFilesAreWrittenAndNoneHoldsFlows() throws Exception {
        try (Stream<Path> files = Files.list(installed.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(DemoInstaller.FILES.stream().sorted().toList());
        }
        for (String name : List.of(DemoInstaller.CASES, DemoInstaller.TRUTH_CSV, DemoInstaller.TRUTH_JSON,
                DemoInstaller.README)) {
            String text = Files.readString(installed.dir().resolve(name), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("origin,destination").doesNotContain("trips\n");
        }
        byte[] bundle = Files.readAllBytes(installed.bundle());
        assertThat(new String(bundle, StandardCharsets.ISO_8859_1)).doesNotContain("date,origin,destination");
        if (Files.getFileStore(installed.dir()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed.dir())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    installed.dir().resolve(DemoInstaller.CARRIER_KEY)))).isEqualTo("rw-------");
        }
    }

    @Test
    void truthAndCasesDescribeTheSameEpidemic() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(installed.dir().resolve(DemoInstaller.TRUTH_JSON).toFile());
        assertThat(truth.path("seed").asLong()).isEqualTo(11);
        assertThat(truth.path("seedRegion").path("code").asText()).isEqualTo("420100");
        assertThat(truth.path("epidemic").path("r0").asDouble()).isPositive();
        assertThat(truth.path("totals").path("reportedCases").asLong())
                .isEqualTo(installed.scenario().cases().total());
        List<String> truthRows = Files.readAllLines(installed.dir().resolve(DemoInstaller.TRUTH_CSV));
        assertThat(truthRows.get(0)).isEqualTo("date,region,infections");
        assertThat(truthRows.get(1)).startsWith("2020-01-01,420100,");
        long infections = truthRows.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum();
        assertThat(infections).isEqualTo(truth.path("totals").path("infections").asLong());
        List<String> cases = Files.readAllLines(installed.dir().resolve(DemoInstaller.CASES));
        assertThat(cases.get(0)).isEqualTo("date,region,cases");
        assertThat(cases).hasSize(installed.scenario().cases().nonZeroCells() + 1);
        assertThat(Files.readString(installed.dir().resolve(DemoInstaller.README)))
                .contains("epiflow-demo").contains("UNENCRYPTED").contains("SYNTHETIC");
    }

    @Test
    void refusesToOverwriteAnExistingDemo() {
        // refused in words (a message in both languages) naming the folder and the file already there
        assertThatThrownBy(() -> DemoInstaller.create(installed.dir(), 11, PASS, 10))
                .isInstanceOf(DemoException.class).hasMessageContaining(installed.dir().toString())
                .hasMessageContaining("already has");
        assertThatThrownBy(() -> DemoInstaller.create(root.resolve("x"), 11, PASS, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
