package org.epiflow.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public header ({@code header.json}): what anyone may read without a key. Nothing sensitive: the bundle id,
 * issuer, creation time, the signing key id and the recipients' key ids. Its SHA-256 is part of the signed
 * statement, so it cannot be altered.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion always 1
 * @param bundleId      the bundle's id
 * @param issuer        the carrier's name
 * @param created       when it was sealed
 * @param signerKeyId   the minisign key id of the carrier key that signed it (16 hex digits)
 * @param recipients    who can decrypt it
 */
public record BundleHeader(
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty(value = "formatVersion", required = true) int formatVersion,
        @JsonProperty(value = "bundleId", required = true) String bundleId,
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "created", required = true) Instant created,
        @JsonProperty(value = "signerKeyId", required = true) String signerKeyId,
        @JsonProperty(value = "recipients", required = true) List<Recipient> recipients) {

    public static final String FORMAT = "epiflow-bundle";
    /** Bundle ids: 1 to 64 characters of letters, digits, '.', '_' and '-'. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * One recipient.
     *
     * @param type  {@code X25519} or {@code scrypt}
     * @param keyId for X25519, the first 8 bytes of SHA-256 of the {@code age1…} recipient, in hex; absent for scrypt
     */
    public record Recipient(@JsonProperty(value = "type", required = true) String type,
                            @JsonProperty("keyId") String keyId) {
    }

    public BundleHeader {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and checks a header. */
    public static BundleHeader parse(byte[] json) throws BundleFormatException {
        BundleHeader h;
        try {
            h = Json.MAPPER.readValue(json, BundleHeader.class);
        } catch (IOException e) {
            throw new BundleFormatException("header.json is not a valid bundle header: " + Json.reason(e), e);
        }
        if (!FORMAT.equals(h.format())) {
            throw new BundleFormatException("header.json names format '" + h.format() + "', expected " + FORMAT);
        }
        if (h.formatVersion() != 1) {
            throw new BundleFormatException("bundle format version " + h.formatVersion()
                    + " is not supported by this EpiFlow (it reads version 1); update EpiFlow");
        }
        if (h.bundleId() == null || !ID.matcher(h.bundleId()).matches()) {
            throw new BundleFormatException("header.json has an invalid bundle id");
        }
        if (h.recipients().isEmpty()) {
            throw new BundleFormatException("header.json lists no recipients");
        }
        return h;
    }
}
