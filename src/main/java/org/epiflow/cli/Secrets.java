package org.epiflow.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads passphrases from a file or from the terminal without echo, as {@code char[]} to be wiped by the caller. */
final class Secrets {
    private Secrets() {
    }

    /**
     * The passphrase from {@code file} (first line, without its line ending) or, when {@code file} is null, from an
     * interactive prompt.
     *
     * @param confirm ask twice at the prompt (for new secrets)
     */
    static char[] passphrase(Path file, String prompt, boolean confirm) throws IOException, CliException {
        return passphrase(file, prompt, confirm, "--passphrase-file");
    }

    /**
     * As {@link #passphrase(Path, String, boolean)}; {@code flag} is the option that gives the file, named when there
     * is no terminal to ask on.
     */
    static char[] passphrase(Path file, String prompt, boolean confirm, String flag) throws IOException, CliException {
        if (file != null) {
            byte[] raw = Files.readAllBytes(file);
            try {
                int end = 0;
                while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
                    end++;
                }
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw, 0, end));
                char[] out = new char[chars.remaining()];
                chars.get(out);
                Arrays.fill(chars.array(), '\0');
                if (out.length == 0) {
                    throw new CliException("the passphrase file " + file + " is empty");
                }
                return out;
            } catch (CharacterCodingException e) {
                throw new CliException("the passphrase file " + file + " is not UTF-8 text");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("no terminal to ask for the " + Character.toLowerCase(prompt.charAt(0))
                    + prompt.substring(1) + "; use " + flag + " FILE");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            throw new CliException("no passphrase entered");
        }
        if (confirm) {
            char[] again = console.readPassword("Confirm %s: ", prompt.toLowerCase(java.util.Locale.ROOT));
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException("the passphrases do not match");
            }
        }
        return first;
    }
}
