package org.epiflow.cli;

import org.epiflow.text.Untrusted;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints goes through this: every character that would act on a terminal rather than show
 * (escape sequences, carriage returns that rewrite a line, C1 controls, bidirectional overrides; see
 * {@link Untrusted#unsafe}) is written as a visible {@code \\uXXXX}, so no text from a bundle, a file name or an
 * input file can forge a line such as "Signature OK". Line breaks ({@code \n}, and {@code \r\n}) pass.
 */
final class TerminalWriter extends FilterWriter {
    private boolean pendingCr;

    private TerminalWriter(Writer out) {
        super(out);
    }

    /** A print writer over {@code out} that escapes what would act on a terminal. */
    static PrintWriter over(Writer out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(int c) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            if (c == '\n') {
                out.write("\r\n");
                return;
            }
            out.write(Untrusted.escape("\r"));
        }
        if (c == '\r') {
            pendingCr = true;
        } else if (c == '\n' || !Untrusted.unsafe((char) c)) {
            out.write(c);
        } else {
            out.write(Untrusted.escape(String.valueOf((char) c)));
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(cbuf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(Untrusted.escape("\r"));
        }
        out.close();
    }
}
