package org.epiflow.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private static ResourceBundle load(Catalogue c, Locale l) {
        return ResourceBundle.getBundle(c.baseName(), Texts.isChinese(l) ? Texts.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @ParameterizedTest
    @EnumSource(Catalogue.class)
    void eachCatalogueHasTheSameKeysAndPlaceholdersInBothLanguages(Catalogue c) {
        ResourceBundle en = load(c, Texts.ENGLISH);
        ResourceBundle zh = load(c, Texts.CHINESE);
        assertThat(new TreeSet<>(zh.keySet())).as(c.name()).isEqualTo(new TreeSet<>(en.keySet()));
        for (String key : en.keySet()) {
            new MessageFormat(en.getString(key));
            new MessageFormat(zh.getString(key));
            assertThat(placeholders(zh.getString(key))).as(key).isEqualTo(placeholders(en.getString(key)));
            assertThat(zh.getString(key)).as(key).isNotBlank();
        }
    }

    @Test
    void aKeyLivesInOneCatalogueOnly() {
        Map<String, Catalogue> seen = new HashMap<>();
        Set<String> clashes = new TreeSet<>();
        for (Catalogue c : Catalogue.values()) {
            for (String key : load(c, Texts.ENGLISH).keySet()) {
                Catalogue before = seen.put(key, c);
                if (before != null) {
                    clashes.add(key + " in " + before + " and " + c);
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyKeyTheCodeCreatesExistsInBothLanguages() throws Exception {
        Pattern call = Pattern.compile("Message\\.of\\(\\s*\"([a-zA-Z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        Texts en = Texts.of(Texts.ENGLISH, java.util.List.of("org.epiflow.ui.messages"));
        Texts zh = Texts.of(Texts.CHINESE, java.util.List.of("org.epiflow.ui.messages"));
        try (var files = Files.walk(Path.of("src/main/java/org/epiflow"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && (!en.has(key) || !zh.has(key))) {
                        missing.add(key + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void formatsInTheRequestedLanguageWithoutFallback() {
        assertThat(Texts.inEnglish().format(Message.of("common.yes"))).isEqualTo("Yes");
        assertThat(Texts.inChinese().format(Message.of("common.yes"))).isEqualTo("是");
        assertThat(Texts.of(Locale.TRADITIONAL_CHINESE).chinese()).isTrue();
        assertThat(Texts.of(Locale.GERMAN).chinese()).isFalse();
        assertThat(Texts.inEnglish().get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void nestedMessagesAreFormattedInTheSameLanguage() {
        Localized value = () -> Message.of("common.no");
        Texts zh = Texts.inChinese();
        assertThat(zh.pattern("common.language.zh")).isEqualTo("中文");
        // Nested: the argument is a message of its own
        assertThat(new MessageFormat("{0}/{1}").format(new Object[]{
                zh.format(Message.of("common.yes")), zh.format(value)})).isEqualTo("是/否");
        assertThat(Message.of("common.yes").english()).isEqualTo("Yes");
    }

    @Test
    void untrustedArgumentsCannotDriveATerminal() {
        String fake = "bad\u001b[2K\rSignature OK\u202e";
        assertThat(Untrusted.escape(fake)).isEqualTo("bad\\u001B[2K\\u000DSignature OK\\u202E");
        assertThat(Untrusted.hasUnsafe(Untrusted.escape(fake))).isFalse();
        assertThat(Texts.inEnglish().get("common.quoted", fake)).isEqualTo("“" + Untrusted.escape(fake) + "”");
        assertThat(Texts.inChinese().format(Message.of("common.quoted", fake))).doesNotContain("\u001b");
        assertThat(Untrusted.escape("武汉 Wuhan Xi’an")).isEqualTo("武汉 Wuhan Xi’an");
    }

    private static Set<String> placeholders(String v) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(v);
        while (m.find()) {
            s.add(m.group(1));
        }
        return s;
    }
}
