package org.epiflow.cli;

import org.epiflow.text.Message;
import org.epiflow.text.Texts;

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
     * @param texts   the run's language (for the prompt)
     * @param prompt  what is asked, e.g. {@code cli.prompt.newIdentity}
     * @param confirm ask twice at the prompt (for new secrets)
     */
    static char[] passphrase(Texts texts, Path file, Message prompt, boolean confirm) throws IOException,
            CliException {
        return passphrase(texts, file, prompt, confirm, "--passphrase-file");
    }

    /**
     * As {@link #passphrase(Texts, Path, Message, boolean)}; {@code flag} is the option that gives the file, named
     * when there is no terminal to ask on.
     */
    static char[] passphrase(Texts texts, Path file, Message prompt, boolean confirm, String flag)
            throws IOException, CliException {
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
                    throw new CliException(Message.of("cli.passphrase.empty", file));
                }
                return out;
            } catch (CharacterCodingException e) {
                throw new CliException(Message.of("cli.passphrase.notUtf8", file));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        Console console = System.console();
        if (console == null) {
            // name what was to be asked ("the passphrase of the signing key carrier.key") and the option that gives it
            String what = texts.format(prompt);
            if (!texts.chinese() && !what.isEmpty()) {
                what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
            }
            throw new CliException(Message.of("cli.passphrase.noTerminal", what, flag));
        }
        char[] first = console.readPassword("%s", texts.get("cli.prompt.ask", prompt));
        if (first == null || first.length == 0) {
            throw new CliException(Message.of("cli.passphrase.none"));
        }
        if (confirm) {
            char[] again = console.readPassword("%s", texts.get("cli.prompt.confirm", prompt));
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(Message.of("cli.passphrase.mismatch"));
            }
        }
        return first;
    }
}
