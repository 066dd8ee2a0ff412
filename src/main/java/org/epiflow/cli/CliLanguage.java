package org.epiflow.cli;

import org.epiflow.text.Texts;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The language of one run of the command line: {@code --lang zh|en} anywhere before {@code --}, else the system's
 * locale (Chinese for any {@code zh} locale, English otherwise). It decides the words of every message, summary and
 * refusal ({@link Texts}) and of picocli's usage help ({@link #usage}); exit codes never depend on it.
 */
final class CliLanguage {
    /** Picocli resource bundle with the Chinese usage help (descriptions of commands and options, headings). */
    static final String USAGE_BUNDLE = "org.epiflow.cli.usage";

    private CliLanguage() {
    }

    /** The language {@code --lang} asks for in {@code args}, if it is given (an unknown value gives empty too). */
    static Optional<Locale> requested(String[] args) {
        if (args == null) {
            return Optional.empty();
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) {
                break;
            }
            if ("--lang".equals(a) && i + 1 < args.length) {
                return parse(args[i + 1]);
            }
            if (a != null && a.startsWith("--lang=")) {
                return parse(a.substring("--lang=".length()));
            }
        }
        return Optional.empty();
    }

    /** The run's language: the one asked for, else the system's. */
    static Locale of(String[] args, Locale system) {
        return requested(args).orElse(Texts.isChinese(system) ? Texts.CHINESE : Texts.ENGLISH);
    }

    /** {@code zh}, {@code zh-CN}, {@code zh_CN}, {@code cn}, {@code chinese}, {@code 中文}; {@code en}, {@code en-US}, … */
    static Optional<Locale> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (v.equals("zh") || v.startsWith("zh-") || v.equals("cn") || v.equals("chinese") || v.equals("中文")) {
            return Optional.of(Texts.CHINESE);
        }
        if (v.equals("en") || v.startsWith("en-") || v.equals("english") || v.equals("英文")) {
            return Optional.of(Texts.ENGLISH);
        }
        return Optional.empty();
    }

    /** Picocli's usage texts for the language (null for English: the annotations are English). */
    static ResourceBundle usage(Locale locale) {
        if (!Texts.isChinese(locale)) {
            return null;
        }
        try {
            return ResourceBundle.getBundle(USAGE_BUNDLE, Texts.CHINESE, CliLanguage.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * A writer for the terminal that can show the language's letters: the console's own encoding when it can
     * encode Chinese (UTF-8, GBK on a Chinese Windows), else UTF-8 (a "C"/POSIX locale would print "?" for every
     * Chinese character).
     */
    static PrintWriter terminal(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, terminalCharset()), true);
    }

    static Charset terminalCharset() {
        for (String p : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(p);
            if (name != null) {
                try {
                    Charset cs = Charset.forName(name);
                    if (cs.newEncoder().canEncode("中文")) {
                        return cs;
                    }
                } catch (RuntimeException e) {
                    // unknown name: try the next
                }
            }
        }
        Charset def = Charset.defaultCharset();
        return def.newEncoder().canEncode("中文") ? def : StandardCharsets.UTF_8;
    }
}
