package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The minisign public keys whose signatures EpiFlow accepts, looked up by key id. Immutable.
 *
 * <p>File format for {@link #load(Path)}: one or more minisign public keys, each a base64 line optionally preceded
 * by its {@code untrusted comment:} line (as in a .pub file). Blank lines and lines starting with {@code #} are
 * ignored. Two different keys with the same key id are refused, since lookup is by key id.
 */
public final class TrustStore {

    private final List<MinisignPublicKey> keys;

    private TrustStore(List<MinisignPublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * A trust store holding the given keys.
     *
     * @throws IllegalArgumentException if two different keys share a key id
     */
    public static TrustStore of(MinisignPublicKey... keys) {
        return of(Arrays.asList(keys));
    }

    /**
     * A trust store holding the given keys.
     *
     * @throws IllegalArgumentException if two different keys share a key id
     */
    public static TrustStore of(Collection<MinisignPublicKey> keys) {
        List<MinisignPublicKey> out = new ArrayList<>();
        for (MinisignPublicKey k : keys) {
            String clash = add(out, k);
            if (clash != null) {
                throw new IllegalArgumentException(clash);
            }
        }
        return new TrustStore(out);
    }

    /** Reads a trust store file; see the class description for the format. */
    public static TrustStore load(Path file) throws IOException, MinisignFormatException {
        return parse(MinisignPublicKey.readSmallText(file), String.valueOf(file.getFileName()));
    }

    /**
     * Parses trust store text; see the class description for the format.
     *
     * @param source names the text in error messages (e.g. the file name)
     */
    public static TrustStore parse(String text, String source) throws MinisignFormatException {
        List<String> lines = Armor.lines(text, Message.of("minisign.part.trustStore", source));
        List<MinisignPublicKey> out = new ArrayList<>();
        boolean pendingComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                if (pendingComment) {
                    throw new MinisignFormatException("minisign.trust.keyAfterComment", source, lineNo);
                }
                continue;
            }
            if (line.startsWith(Armor.UNTRUSTED_PREFIX.strip())) {
                if (pendingComment) {
                    throw new MinisignFormatException("minisign.trust.twoComments", source, lineNo);
                }
                pendingComment = true;
                continue;
            }
            pendingComment = false;
            MinisignPublicKey key;
            try {
                key = MinisignPublicKey.fromBase64(line);
            } catch (MinisignFormatException e) {
                throw new MinisignFormatException(Message.of("minisign.trust.badKey", source, lineNo, e), e);
            }
            if (add(out, key) != null) {
                throw new MinisignFormatException("minisign.trust.sameKeyId", source, lineNo, key.keyIdHex());
            }
        }
        if (pendingComment) {
            throw new MinisignFormatException("minisign.trust.endsWithComment", source);
        }
        if (out.isEmpty()) {
            throw new MinisignFormatException("minisign.trust.empty", source);
        }
        return new TrustStore(out);
    }

    private static String add(List<MinisignPublicKey> out, MinisignPublicKey key) {
        for (MinisignPublicKey k : out) {
            if (k.sameKeyId(key.keyId())) {
                return k.equals(key) ? null : "two different keys share key id " + key.keyIdHex();
            }
        }
        out.add(key);
        return null;
    }

    /** @return the trusted key with this 8-byte key id, if any */
    public Optional<MinisignPublicKey> find(byte[] keyId) {
        for (MinisignPublicKey k : keys) {
            if (k.sameKeyId(keyId)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** @return the trusted keys, in file order, without duplicates */
    public List<MinisignPublicKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "TrustStore" + keys;
    }
}
