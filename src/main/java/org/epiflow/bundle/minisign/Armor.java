package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Text helpers shared by the minisign file formats: line splitting, strict base64, comment lines, key ids. */
final class Armor {

    static final String UNTRUSTED_PREFIX = "untrusted comment: ";
    static final String TRUSTED_PREFIX = "trusted comment: ";
    /** Longest minisign text we are willing to look at (real files are well under 1 KiB). */
    static final int MAX_TEXT_CHARS = 64 * 1024;

    private Armor() {
    }

    /**
     * Splits text into lines on LF, dropping one trailing CR per line and any trailing empty lines.
     *
     * @param what names the text in error messages
     */
    static List<String> lines(String text, Message what) throws MinisignFormatException {
        if (text == null) {
            throw new MinisignFormatException("minisign.text.missing", what);
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new MinisignFormatException("minisign.text.tooLong", what, text.length(), MAX_TEXT_CHARS);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (nl < 0) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
                break;
            }
            out.add(line);
            start = nl + 1;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        for (String line : out) {
            if (line.indexOf('\r') >= 0) {
                throw new MinisignFormatException("minisign.text.strayCarriageReturn", what);
            }
        }
        return out;
    }

    /**
     * Decodes canonical base64 (standard alphabet, padded, no whitespace) of exactly {@code expected} bytes.
     *
     * @param what names the field in error messages, e.g. "signature"
     */
    static byte[] decode(String b64, int expected, Message what) throws MinisignFormatException {
        byte[] raw = decodeAny(b64, what);
        checkLength(raw, expected, what);
        return raw;
    }

    /** Decodes canonical base64 (standard alphabet, padded, no whitespace) of any length. */
    static byte[] decodeAny(String b64, Message what) throws MinisignFormatException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new MinisignFormatException(Message.of("minisign.base64.invalid", what), e);
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(b64)) {
            throw new MinisignFormatException("minisign.base64.notCanonical", what);
        }
        return raw;
    }

    static void checkLength(byte[] raw, int expected, Message what) throws MinisignFormatException {
        if (raw.length != expected) {
            throw new MinisignFormatException("minisign.length.wrong", what, raw.length, expected);
        }
    }

    static String encode(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Checks that a comment fits on one line; returns it unchanged. */
    static String singleLine(String comment, Message what) throws MinisignFormatException {
        if (comment == null) {
            throw new MinisignFormatException("minisign.text.missing", what);
        }
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new MinisignFormatException("minisign.comment.multiline", what);
        }
        return comment;
    }

    /**
     * The key id as minisign prints it: the 8 bytes read as a little-endian uint64, in uppercase hex without leading
     * zeros (C's {@code "%" PRIX64}; minisign 0.11 does not zero-pad, so an id may have fewer than 16 digits).
     */
    static String keyIdHex(byte[] keyId) {
        long v = 0;
        for (int i = keyId.length - 1; i >= 0; i--) {
            v = (v << 8) | (keyId[i] & 0xFFL);
        }
        return Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    }

    static boolean isAllZero(byte[] b, int off, int len) {
        int acc = 0;
        for (int i = off; i < off + len; i++) {
            acc |= b[i];
        }
        return acc == 0;
    }
}
