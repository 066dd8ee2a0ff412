package org.epiflow.bundle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minisign trusted comment of a bundle signature, which the carrier's key signs together with the payload:
 * {@code epiflow-bundle v1 id=<bundle id> payload-sha256=<hex> header-sha256=<hex>}. It binds the public header
 * and the decrypted payload to the signature.
 *
 * @param bundleId      the bundle id
 * @param payloadSha256 SHA-256 (lowercase hex) of the decrypted payload archive
 * @param headerSha256  SHA-256 (lowercase hex) of the exact bytes of header.json
 */
public record SignedStatement(String bundleId, String payloadSha256, String headerSha256) {
    private static final Pattern FORM = Pattern.compile(
            "epiflow-bundle v1 id=([A-Za-z0-9._-]{1,64}) payload-sha256=([0-9a-f]{64}) header-sha256=([0-9a-f]{64})");

    /** The trusted comment text. */
    public String toComment() {
        return "epiflow-bundle v1 id=" + bundleId + " payload-sha256=" + payloadSha256 + " header-sha256="
                + headerSha256;
    }

    /** Parses a trusted comment; refuses anything else. */
    public static SignedStatement parse(String trustedComment) throws BundleSignatureException {
        Matcher m = FORM.matcher(trustedComment);
        if (!m.matches()) {
            throw new BundleSignatureException("the signature's trusted comment is not an EpiFlow bundle statement "
                    + "(this signature was not made for a bundle)");
        }
        return new SignedStatement(m.group(1), m.group(2), m.group(3));
    }
}
