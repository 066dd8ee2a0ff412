package org.epiflow.bundle;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minisign trusted comment of a bundle signature, which the carrier's key signs together with the payload:
 * {@code epiflow-bundle v1 id=<bundle id> payload-sha256=<hex> header-sha256=<hex>}, optionally followed by
 * {@code  payload-bytes=<n>} (the length of {@code payload.age}; written by EpiFlow's sealer since 0.1). It binds the
 * public header, the decrypted payload and the ciphertext's length to the signature; the length lets a reader
 * refuse a replayed signature before hashing anything.
 *
 * @param bundleId      the bundle id
 * @param payloadSha256 SHA-256 (lowercase hex) of the decrypted payload archive
 * @param headerSha256  SHA-256 (lowercase hex) of the exact bytes of header.json
 * @param payloadBytes  the length of payload.age in bytes, when the statement says it
 */
public record SignedStatement(String bundleId, String payloadSha256, String headerSha256,
                              OptionalLong payloadBytes) {
    private static final Pattern FORM = Pattern.compile(
            "epiflow-bundle v1 id=([A-Za-z0-9._-]{1,64}) payload-sha256=([0-9a-f]{64}) header-sha256=([0-9a-f]{64})"
                    + "(?: payload-bytes=(0|[1-9][0-9]{0,9}))?");

    /** A statement without the payload length (as bundles made by hand with the minisign CLI may be). */
    public SignedStatement(String bundleId, String payloadSha256, String headerSha256) {
        this(bundleId, payloadSha256, headerSha256, OptionalLong.empty());
    }

    public SignedStatement {
        payloadBytes = payloadBytes == null ? OptionalLong.empty() : payloadBytes;
    }

    /** The trusted comment text. */
    public String toComment() {
        return "epiflow-bundle v1 id=" + bundleId + " payload-sha256=" + payloadSha256 + " header-sha256="
                + headerSha256 + (payloadBytes.isPresent() ? " payload-bytes=" + payloadBytes.getAsLong() : "");
    }

    /** Parses a trusted comment; refuses anything else. */
    public static SignedStatement parse(String trustedComment) throws BundleSignatureException {
        Matcher m = FORM.matcher(trustedComment);
        if (!m.matches()) {
            throw new BundleSignatureException("bundle.signature.notStatement");
        }
        OptionalLong bytes = m.group(4) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(4)));
        return new SignedStatement(m.group(1), m.group(2), m.group(3), bytes);
    }
}
