package org.epiflow.data.demo;

import org.epiflow.bundle.SealRecipients;
import org.epiflow.data.AppDirectories;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the demo in the user's application-data folder ({@code <appdata>/demo/}), creating it on first use with the
 * default passphrase {@value DemoInstaller#DEFAULT_PASSPHRASE}. The demo is built in a temporary sibling folder and
 * moved into place only when complete, so an interrupted first run never leaves a half-made demo behind.
 */
public final class DemoLocator {
    /** Name of the demo folder inside the application-data folder. */
    public static final String FOLDER = "demo";

    private DemoLocator() {
    }

    /**
     * Where the demo is or would be.
     *
     * @param dir     the demo folder
     * @param created whether this call created it
     */
    public record Located(Path dir, boolean created) {
        public Path bundle() {
            return dir.resolve(DemoInstaller.BUNDLE);
        }

        public Path officerKey() {
            return dir.resolve(DemoInstaller.OFFICER_KEY);
        }

        public Path trustStore() {
            return dir.resolve(DemoInstaller.CARRIER_PUB);
        }
    }

    /** The demo in {@link AppDirectories#dataHome()}, created with {@code seed} if missing or incomplete. */
    public static Located findOrCreate(long seed) throws IOException {
        return findOrCreate(AppDirectories.ensure(), seed, SealRecipients.DEFAULT_LOG_N);
    }

    /**
     * The demo in {@code appData}, created if missing or incomplete. An incomplete folder is moved aside to
     * {@code demo.incomplete-<time>} (never deleted) before the new demo takes its place.
     *
     * @param workFactor scrypt log2(N) for a new officer.key (tests use 10)
     */
    public static Located findOrCreate(Path appData, long seed, int workFactor) throws IOException {
        Path dir = appData.resolve(FOLDER);
        if (DemoInstaller.isComplete(dir)) {
            return new Located(dir, false);
        }
        AppDirectories.createOwnerOnly(appData);
        Path tmp = Files.createTempDirectory(appData, ".demo-");
        try {
            DemoInstaller.create(tmp, seed, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), workFactor);
            if (DemoInstaller.isComplete(dir)) {
                return new Located(dir, false);
            }
            if (Files.exists(dir)) {
                Files.move(dir, appData.resolve(FOLDER + ".incomplete-" + Instant.now().getEpochSecond()));
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            } catch (FileAlreadyExistsException raced) {
                if (!DemoInstaller.isComplete(dir)) {
                    throw raced;
                }
                return new Located(dir, false);
            }
            return new Located(dir, true);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
