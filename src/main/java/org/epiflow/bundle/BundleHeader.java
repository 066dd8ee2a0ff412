package org.epiflow.bundle;

import org.epiflow.text.Message;

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

    /** At most this many recipients (age stanzas): the age header must fit in its first 64 KiB chunk. */
    public static final int MAX_RECIPIENTS = 500;
    /** An X25519 recipient's key id: 16 lowercase hex digits. */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Json.ObjectOf SHAPE = Json.object(
            "format", Json.Scalar.STRING, "formatVersion", Json.Scalar.INTEGER, "bundleId", Json.Scalar.STRING,
            "issuer", Json.Scalar.STRING, "created", Json.Scalar.STRING, "signerKeyId", Json.Scalar.STRING,
            "recipients", new Json.ArrayOf(Json.object("type", Json.Scalar.STRING,
                    "keyId", new Json.Optional(Json.Scalar.STRING))));

    /** Parses and checks a header. */
    public static BundleHeader parse(byte[] json) throws BundleFormatException {
        BundleHeader h;
        try {
            h = Json.MAPPER.treeToValue(Json.read(json, SHAPE, BundleContainer.HEADER), BundleHeader.class);
        } catch (Json.Refused e) {
            throw new BundleFormatException(e.message(), e);
        } catch (IOException e) {
            throw new BundleFormatException(Message.of("bundle.header.invalid", Json.reason(e)), e);
        }
        if (!FORMAT.equals(h.format())) {
            throw new BundleFormatException("bundle.header.format", h.format(), FORMAT);
        }
        if (h.formatVersion() != 1) {
            throw new BundleFormatException("bundle.header.version", h.formatVersion());
        }
        if (!ID.matcher(h.bundleId()).matches()) {
            throw new BundleFormatException("bundle.header.id");
        }
        if (h.issuer().isBlank() || h.issuer().length() > 200) {
            throw new BundleFormatException("bundle.header.issuer");
        }
        if (h.recipients().isEmpty()) {
            throw new BundleFormatException("bundle.header.noRecipients");
        }
        if (h.recipients().size() > MAX_RECIPIENTS) {
            throw new BundleFormatException("bundle.header.tooManyRecipients", h.recipients().size(), MAX_RECIPIENTS);
        }
        boolean scrypt = false;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Recipient r : h.recipients()) {
            if ("scrypt".equals(r.type()) && r.keyId() == null) {
                scrypt = true;
            } else if (!"X25519".equals(r.type()) || r.keyId() == null || !KEY_ID.matcher(r.keyId()).matches()
                    || !ids.add(r.keyId())) {
                throw new BundleFormatException("bundle.header.recipient", r.type());
            }
        }
        if (scrypt && h.recipients().size() != 1) {
            throw new BundleFormatException("bundle.header.scryptAlone");
        }
        return h;
    }

    /** Whether the bundle is sealed to a passphrase (its only recipient is an scrypt stanza). */
    public boolean passphraseProtected() {
        return recipients.size() == 1 && "scrypt".equals(recipients.get(0).type());
    }
}
