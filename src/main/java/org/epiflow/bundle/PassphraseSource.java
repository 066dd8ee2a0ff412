package org.epiflow.bundle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the passphrase of a bundle sealed to one comes from: a prompt in the app, a file or a terminal prompt on the
 * command line. Asked only once the carrier's signature has verified and the bundle's scrypt work factor is within
 * the limit; the reader wipes what it is given.
 */
@FunctionalInterface
public interface PassphraseSource {
    /**
     * The passphrase for this bundle, or null to stop (the user cancelled, or there is nothing more to try).
     *
     * @param file    the bundle
     * @param header  its verified public header (issuer, id)
     * @param attempt 1 for the first time; more after a wrong passphrase
     */
    char[] passphrase(Path file, BundleHeader header, int attempt) throws IOException;
}
