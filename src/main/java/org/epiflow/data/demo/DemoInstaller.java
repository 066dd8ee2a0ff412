package org.epiflow.data.demo;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.ScryptParams;
import org.epiflow.data.AppDirectories;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a demo folder: fresh keys, the scenario sealed as a bundle, the case table and the hidden truth.
 * The decrypted flows are never written: only the sealed bundle holds them.
 */
public final class DemoInstaller {
    /** The demo officer's passphrase unless another is chosen. */
    public static final String DEFAULT_PASSPHRASE = "epiflow-demo";
    public static final String BUNDLE = "demo.epiflow";
    public static final String OFFICER_KEY = "officer.key";
    public static final String CARRIER_KEY = "carrier.key";
    public static final String CARRIER_PUB = "carrier.pub";
    public static final String CASES = "cases.csv";
    public static final String TRUTH_CSV = "truth.csv";
    public static final String TRUTH_JSON = "truth.json";
    public static final String README = "README.txt";
    /** Every file the installer writes, in the order it writes them. */
    public static final List<String> FILES = List.of(CARRIER_KEY, CARRIER_PUB, OFFICER_KEY, BUNDLE, CASES,
            TRUTH_CSV, TRUTH_JSON, README);

    private DemoInstaller() {
    }

    /**
     * What was written.
     *
     * @param dir               the demo folder
     * @param scenario          the generated scenario
     * @param officerRecipient  the officer's {@code age1…} recipient
     * @param carrierKeyId      the carrier's minisign key id
     * @param bundleBytes       size of demo.epiflow
     * @param generateMillis    time to generate the scenario
     * @param sealMillis        time to seal the bundle (key files excluded)
     */
    public record Installed(Path dir, DemoScenario scenario, String officerRecipient, String carrierKeyId,
                            long bundleBytes, long generateMillis, long sealMillis) {
        public Path bundle() {
            return dir.resolve(BUNDLE);
        }

        public Path officerKey() {
            return dir.resolve(OFFICER_KEY);
        }

        public Path trustStore() {
            return dir.resolve(CARRIER_PUB);
        }
    }

    /** Writes the demo with age's default work factor (logN 18) for officer.key. */
    public static Installed create(Path dir, long seed, char[] officerPassphrase) throws IOException {
        return create(dir, seed, officerPassphrase, SealRecipients.DEFAULT_LOG_N);
    }

    /**
     * Writes the demo into {@code dir} (created owner-only if missing). Refuses if any of {@link #FILES} exists.
     *
     * @param officerPassphrase passphrase for officer.key; not retained
     * @param workFactor        scrypt log2(N) for officer.key, 10..20 (tests use 10)
     */
    public static Installed create(Path dir, long seed, char[] officerPassphrase, int workFactor)
            throws IOException {
        if (workFactor < 10 || workFactor > 20) {
            throw new IllegalArgumentException("the work factor must be between 10 and 20");
        }
        if (officerPassphrase.length == 0) {
            throw new IllegalArgumentException("the officer passphrase is empty");
        }
        if (!Files.isDirectory(dir)) {
            AppDirectories.createOwnerOnly(dir);
        }
        for (String name : FILES) {
            if (Files.exists(dir.resolve(name))) {
                throw new DemoException(Message.of("data.demo.exists", dir.toString(), name),
                        new FileAlreadyExistsException(dir.resolve(name).toString()));
            }
        }
        long t0 = System.nanoTime();
        DemoScenario scenario = DemoScenario.generate(seed, Instant.now());
        long t1 = System.nanoTime();
        long sealNanos;
        String recipient;
        String keyId;
        try (MinisignSecretKey carrier = MinisignSecretKey.generate();
             AgeIdentity officer = AgeIdentity.generate()) {
            carrier.write(dir.resolve(CARRIER_KEY), null, ScryptParams.MINISIGN_DEFAULT);
            carrier.publicKey().write(dir.resolve(CARRIER_PUB));
            AgeIdentityFile.write(dir.resolve(OFFICER_KEY), officer, officerPassphrase, workFactor);
            recipient = officer.recipient();
            keyId = carrier.keyIdHex();
            long s0 = System.nanoTime();
            try (SealRecipients to = SealRecipients.officers(List.of(recipient))) {
                BundleSealer.seal(scenario.dataset(), to, carrier, dir.resolve(BUNDLE));
            }
            sealNanos = System.nanoTime() - s0;
        } catch (AgeException | MinisignException | BundleException e) {
            throw new DemoException(Message.of("data.demo.failed", ((Localized) e).message()), e);
        }
        DemoFiles.writeCases(dir.resolve(CASES), scenario);
        DemoFiles.writeTruthCsv(dir.resolve(TRUTH_CSV), scenario);
        DemoFiles.writeTruthJson(dir.resolve(TRUTH_JSON), scenario);
        DemoFiles.writeReadme(dir.resolve(README), scenario,
                Arrays.equals(officerPassphrase, DEFAULT_PASSPHRASE.toCharArray()));
        return new Installed(dir, scenario, recipient, keyId, Files.size(dir.resolve(BUNDLE)),
                (t1 - t0) / 1_000_000, sealNanos / 1_000_000);
    }

    /** Deletes the files this installer writes (only those) from {@code dir}; other files are left alone. */
    public static void clear(Path dir) throws IOException {
        for (String name : FILES) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Whether {@code dir} holds a complete demo (every file present). */
    public static boolean isComplete(Path dir) {
        return FILES.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
