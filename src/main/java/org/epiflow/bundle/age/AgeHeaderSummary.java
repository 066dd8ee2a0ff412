package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * The public facts of an age header: which recipient stanza types it holds (and, for scrypt, the work factor,
 * so a caller can refuse before prompting for a passphrase). It reveals nothing secret, and nothing that
 * identifies an X25519 recipient — age headers do not name their recipients; EpiFlow's bundle header lists
 * {@link AgeIdentity#keyId(String) key ids} separately. The header MAC is not (cannot be) verified here.
 */
public final class AgeHeaderSummary {
    private static final byte[] VERSION_LINE = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 128 * 1024;

    /**
     * One recipient stanza.
     *
     * @param type       stanza type, e.g. {@code X25519}, {@code scrypt}, {@code mlkem768x25519}
     * @param scryptLogN work factor exponent for well-formed scrypt stanzas, empty otherwise
     */
    public record StanzaInfo(String type, OptionalInt scryptLogN) {
    }

    private final List<StanzaInfo> stanzas;
    private final boolean armored;

    private AgeHeaderSummary(List<StanzaInfo> stanzas, boolean armored) {
        this.stanzas = List.copyOf(stanzas);
        this.armored = armored;
    }

    /** @return the stanzas in header order */
    public List<StanzaInfo> stanzas() {
        return stanzas;
    }

    /** @return true if the input was ASCII-armored */
    public boolean armored() {
        return armored;
    }

    /** @return true if the file is passphrase-protected (a single scrypt stanza) */
    public boolean passphraseProtected() {
        return stanzas.size() == 1 && Scrypt.TYPE.equals(stanzas.get(0).type());
    }

    /** @return number of X25519 stanzas (a lower bound on real recipients; age may add none, but others may) */
    public long x25519Count() {
        return stanzas.stream().filter(s -> GuardedStanzaReader.X25519_TYPE.equals(s.type())).count();
    }

    static AgeHeaderSummary read(ReadableByteChannel in) throws AgeException, IOException {
        PeekedChannel peeked = new PeekedChannel(in);
        boolean armored = !peeked.binary() && peeked.armorLike();
        ByteBuffer buf = ByteBuffer.allocate(MAX_HEADER);
        while (buf.hasRemaining() && peeked.read(buf) >= 0) {
            // fill
        }
        buf.flip();
        byte[] raw = new byte[buf.remaining()];
        buf.get(raw);
        byte[] header = armored ? dearmorPrefix(raw) : raw;
        return new AgeHeaderSummary(parse(header), armored);
    }

    private static byte[] dearmorPrefix(byte[] raw) throws AgeArmorException {
        String[] lines = new String(raw, StandardCharsets.US_ASCII).strip().split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(PeekedChannel.ARMOR_BEGIN)) {
            throw new AgeArmorException();
        }
        StringBuilder b64 = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith("-----")) {
                break;
            }
            b64.append(line);
        }
        int usable = b64.length() - b64.length() % 4;
        try {
            return Base64.getDecoder().decode(b64.substring(0, usable));
        } catch (IllegalArgumentException e) {
            throw new AgeArmorException(e);
        }
    }

    private static List<StanzaInfo> parse(byte[] h) throws AgeHeaderException {
        for (int i = 0; i < VERSION_LINE.length; i++) {
            if (i >= h.length || h[i] != VERSION_LINE[i]) {
                throw new AgeHeaderException();
            }
        }
        List<StanzaInfo> out = new ArrayList<>();
        int pos = VERSION_LINE.length;
        while (true) {
            int eol = indexOf(h, (byte) '\n', pos);
            if (eol < 0) {
                throw new AgeHeaderException();
            }
            String line = new String(h, pos, eol - pos, StandardCharsets.US_ASCII);
            pos = eol + 1;
            if (line.startsWith("--- ")) {
                return out;
            }
            if (!line.startsWith("-> ")) {
                throw new AgeHeaderException();
            }
            String[] args = line.substring(3).split(" ", -1);
            for (String a : args) {
                if (a.isEmpty() || !a.chars().allMatch(c -> c >= 33 && c <= 126)) {
                    throw new AgeHeaderException();
                }
            }
            pos = skipBody(h, pos);
            out.add(new StanzaInfo(args[0], scryptLogN(args)));
        }
    }

    private static int skipBody(byte[] h, int pos) throws AgeHeaderException {
        while (true) {
            int eol = indexOf(h, (byte) '\n', pos);
            if (eol < 0 || eol - pos > 64) {
                throw new AgeHeaderException();
            }
            int len = eol - pos;
            pos = eol + 1;
            if (len < 64) {
                return pos;
            }
        }
    }

    private static OptionalInt scryptLogN(String[] args) {
        if (args.length == 3 && Scrypt.TYPE.equals(args[0]) && args[2].matches("[1-9][0-9]{0,8}")) {
            return OptionalInt.of(Integer.parseInt(args[2]));
        }
        return OptionalInt.empty();
    }

    private static int indexOf(byte[] h, byte b, int from) {
        for (int i = from; i < h.length; i++) {
            if (h[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
