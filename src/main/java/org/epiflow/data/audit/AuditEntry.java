package org.epiflow.data.audit;

import java.util.HexFormat;

/**
 * One audit entry as stored.
 *
 * @param seq          1, 2, 3… without gaps
 * @param time         UTC time as ISO-8601 text, exactly as hashed
 * @param officerKeyId the officer's key id (16 hex characters)
 * @param kind         the kind's name (kept as text so unknown kinds from newer versions still verify)
 * @param details      canonical JSON (keys sorted), exactly as hashed
 * @param prevHash     hash of the previous entry (32 zero bytes for the first)
 * @param hash         SHA-256 over the canonical encoding of the fields above
 * @param mac          HMAC-SHA256 of the hash under the workspace's audit key
 */
public record AuditEntry(long seq, String time, String officerKeyId, String kind, String details, byte[] prevHash,
                         byte[] hash, byte[] mac) {
    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public String prevHashHex() {
        return HexFormat.of().formatHex(prevHash);
    }

    /** The head of a trail: the last entry's sequence number and hash (0 and 32 zero bytes when empty). */
    public record Head(long seq, byte[] hash) {
        public String hashHex() {
            return HexFormat.of().formatHex(hash);
        }

        /** {@code #seq hash}, the form printed for people to write down. */
        @Override
        public String toString() {
            return "#" + seq + " " + hashHex();
        }
    }
}
