package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a UTF-8 byte stream into lines without copying them: after {@link #next()} the line is
 * {@code buffer()[start() .. end())}, without its line ending ({@code \n} or {@code \r\n}). A leading UTF-8 byte
 * order mark is skipped. Lines longer than the limit are refused.
 */
final class CsvLines {
    private final InputStream in;
    private final int maxLine;
    private final String table;
    private byte[] buf;
    private int pos;
    private int limit;
    private int start;
    private int end;
    private long lineNumber;
    private boolean eof;

    CsvLines(InputStream in, int maxLine, String table) {
        this.in = in;
        this.maxLine = maxLine;
        this.table = table;
        this.buf = new byte[Math.max(256 * 1024, maxLine * 2)];
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException, BundleFormatException {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    start = pos;
                    end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    return accept();
                }
            }
            if (limit - pos > maxLine) {
                throw new BundleFormatException("bundle.table.lineTooLong", table, lineNumber + 1, maxLine);
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    pos = limit;
                    return accept();
                }
                return false;
            }
            fill();
        }
    }

    private boolean accept() throws BundleFormatException {
        lineNumber++;
        if (end - start > maxLine) {
            throw new BundleFormatException("bundle.table.lineTooLong", table, lineNumber, maxLine);
        }
        if (lineNumber == 1 && end - start >= 3 && (buf[start] & 0xFF) == 0xEF && (buf[start + 1] & 0xFF) == 0xBB
                && (buf[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        return true;
    }

    private void fill() throws IOException {
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        pos = 0;
        limit = remaining;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean isBlank() {
        return start == end;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The line as text; a line that is not valid UTF-8 is refused (never read with replacement characters). */
    String text() throws AggregateRuleException {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(buf, start, end - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AggregateRuleException(AggregateRuleException.Rule.BAD_VALUE,
                    Message.of("bundle.table.notUtf8", table, lineNumber));
        }
    }
}
