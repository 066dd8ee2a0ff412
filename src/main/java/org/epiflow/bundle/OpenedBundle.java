package org.epiflow.bundle;

import org.epiflow.model.AggregateDataset;

import java.nio.file.Path;

/**
 * A bundle that passed every opening check: its verified header, who signed it, and its aggregate tables.
 *
 * @param file          where it was opened from
 * @param header        the public header
 * @param signerKeyId   the carrier key that signed it (minisign key id, hex)
 * @param fingerprint   short fingerprint of the signed ciphertext, for traceability (e.g. in export footers)
 * @param data          the verified aggregate tables
 * @param payloadSha256 the SHA-256 of the decrypted payload as the carrier signed it (hex; null when not known):
 *                      the same content sealed again for another officer has the same value
 */
public record OpenedBundle(Path file, BundleHeader header, String signerKeyId, String fingerprint,
                           AggregateDataset data, String payloadSha256) {
    /** Without the payload hash (tests, callers that do not need it). */
    public OpenedBundle(Path file, BundleHeader header, String signerKeyId, String fingerprint,
                        AggregateDataset data) {
        this(file, header, signerKeyId, fingerprint, data, null);
    }
}
