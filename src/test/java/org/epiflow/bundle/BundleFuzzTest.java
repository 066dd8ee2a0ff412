package org.epiflow.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.Period;
import org.epiflow.model.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzz targets for the bundle reader (docs/security.md, "Fuzzing"). Each accepts any input and may
 * fail only with the reader's own declared exceptions ({@link BundleException}, {@link IOException}); anything
 * else, a hang or running out of memory is a finding. In a normal test run each target replays its committed corpus
 * ({@code src/test/resources/org/epiflow/bundle/BundleFuzzTestInputs/<target>/}); {@code JAZZER_FUZZ=1} fuzzes.
 */
class BundleFuzzTest {
    static final AgeIdentity OFFICER = FuzzKeys.officer();
    static final MinisignSecretKey CARRIER = FuzzKeys.carrier();
    static final TrustStore TRUST = TrustStore.of(CARRIER.publicKey());
    static final Path DIR;
    static final CraftedBundle VALID;

    static {
        try {
            DIR = Files.createTempDirectory("epiflow-fuzz");
            DIR.toFile().deleteOnExit();
            VALID = CraftedBundle.valid(10);
            warmUp();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Runs every target once on a valid input, so that class loading and instrumentation are done before fuzzing
     * starts and do not count against the 1 s an input may take.
     */
    static void warmUp() throws Exception {
        BundleFuzzTest t = new BundleFuzzTest();
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        PayloadWriter.write(TestDatasets.dataset(2, 10, java.time.LocalDate.of(2099, 1, 1), 3), payload);
        t.signedPayload(payload.toByteArray());
        t.container(Files.readAllBytes(DIR.resolve("signed.epiflow")));
        t.signedPayload(new byte[] {'P', 'K', 3, 4});
        t.container(new byte[100]);
    }

    static BundleReader reader() {
        return new BundleReader(TRUST, BundleLimits.DEFAULT, BundleOpenTest.TODAY);
    }

    /** Any bytes as a bundle file: container, header and signature checks (no key needed). */
    @FuzzTest
    void container(byte[] file) throws Exception {
        Path p = DIR.resolve("container.epiflow");
        Files.write(p, file);
        try {
            reader().verify(p, BundleProgress.NONE);
        } catch (BundleException | IOException expected) {
            // refused: fine
        }
    }

    /**
     * Any bytes as the decrypted payload archive of a bundle that is correctly encrypted for the officer and signed
     * by the trusted carrier: the harness seals each input, so fuzzing reaches past the signature.
     */
    @FuzzTest
    void signedPayload(byte[] payload) throws Exception {
        CraftedBundle c = VALID.copy();
        c.rawPayload = payload;
        open(c);
    }

    /**
     * A valid signed bundle with one of its files (the contents list or a table) replaced by fuzzed text, the
     * contents list re-hashed, so fuzzing reaches the JSON and CSV readers behind every hash.
     */
    @FuzzTest
    void signedTables(FuzzedDataProvider data) throws Exception {
        CraftedBundle c = VALID.copy();
        int which = data.consumeInt(0, 3);
        byte[] text = data.consumeRemainingAsBytes();
        if (which == 0) {
            c.rawPayload = StrictnessTest.payloadWithManifest(c, text);
        } else {
            c.tables.put(List.of("regions.csv", "flows.csv", "residents.csv").get(which - 1), text);
            c.rehash();
        }
        open(c);
    }

    /** Fuzzed tables straight into the table readers (cheap, so many more inputs per second). */
    @FuzzTest
    void tableReaders(FuzzedDataProvider data) throws Exception {
        int which = data.consumeInt(0, 2);
        long rows = data.consumeLong(0, 1000);
        byte[] text = data.consumeRemainingAsBytes();
        ProblemLog problems = new ProblemLog();
        Period period = new Period(TestDatasets.START, TestDatasets.START.plusDays(4));
        CodeIndex codes = new CodeIndex(TestDatasets.regions().stream().map(Region::code).toList());
        try {
            switch (which) {
                case 0 -> RegionsCsv.read(new ByteArrayInputStream(text), rows, null, BundleLimits.DEFAULT, problems);
                case 1 -> FlowsCsvReader.read(new ByteArrayInputStream(text), codes, period, 10, 1, rows, null,
                        BundleLimits.DEFAULT, problems);
                default -> ResidentsCsvReader.read(new ByteArrayInputStream(text), codes, period, 10, 1, rows, null,
                        BundleLimits.DEFAULT, problems);
            }
            problems.throwUpToManifest();
            problems.throwAggregate();
        } catch (BundleException | IOException expected) {
            // refused: fine
        }
    }

    /** Fuzzed carrier input tables into the sealer's minimisation (regions.csv and flows.csv files). */
    @FuzzTest
    void sealInput(FuzzedDataProvider data) throws Exception {
        Path regions = DIR.resolve("in-regions.csv");
        Path flows = DIR.resolve("in-flows.csv");
        Files.write(regions, data.consumeBytes(data.consumeInt(0, 4096)));
        Files.write(flows, data.consumeRemainingAsBytes());
        try {
            Minimiser.minimise(regions, flows, null, 10, 1);
        } catch (MinimisationException | IOException expected) {
            // refused: fine
        }
    }

    static void open(CraftedBundle c) throws Exception {
        Path file;
        try {
            file = c.write(DIR.resolve("signed.epiflow"), OFFICER, CARRIER);
        } catch (IOException tooLargeToSeal) {
            return;
        }
        try (BundleCredentials creds = BundleCredentials.of(OFFICER)) {
            reader().open(file, creds, BundleProgress.NONE);
        } catch (BundleException | IOException expected) {
            // refused: fine
        }
    }
}
