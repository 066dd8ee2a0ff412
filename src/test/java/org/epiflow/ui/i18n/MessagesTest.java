package org.epiflow.ui.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Messages ZH = Messages.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(ZH.keys())).isEqualTo(new TreeSet<>(EN.keys()));
    }

    @Test
    void chineseIsReallyChinese() {
        assertThat(ZH.get("unlock.button")).isEqualTo("解锁");
    }

    @Test
    void englishDoesNotFallBackToTheSystemLocale() {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.of(Locale.ENGLISH).get("unlock.button")).isEqualTo("Unlock");
        } finally {
            Locale.setDefault(was);
        }
    }

    @Test
    void anyChineseLocaleGetsChinese() {
        assertThat(Messages.of(Locale.TRADITIONAL_CHINESE).chinese()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void everyValueIsAValidPatternWithTheSamePlaceholders(String lang) {
        Messages m = lang.equals("en") ? EN : ZH;
        for (String key : m.keys()) {
            String value = m.pattern(key);
            assertThat(value).as(key).isNotBlank();
            new MessageFormat(value);
            assertThat(placeholders(value)).as(key).isEqualTo(placeholders(EN.pattern(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void noApostropheIsLost(String lang) {
        Messages m = lang.equals("en") ? EN : ZH;
        for (String key : m.keys()) {
            // MessageFormat takes a lone ' as a quote and drops it: "the bureau's" would read "the bureaus"
            assertThat(m.pattern(key).replace("''", "")).as(key).doesNotContain("'");
        }
        assertThat(EN.get("boundaries.choose")).isEqualTo("Choose the bureau's official boundary file");
    }

    @Test
    void chineseSpeaksAboutDataNotSpreadsheets() {
        for (String key : ZH.keys()) {
            // "单元格" is a spreadsheet cell; a published figure is a 记录 (record) or a 数字 (figure)
            assertThat(ZH.pattern(key)).as(key).doesNotContain("单元格");
        }
    }

    @Test
    void missingKeyIsVisible() {
        assertThat(EN.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void everyKeyTheCodeUsesExists() throws Exception {
        Pattern call = Pattern.compile("\\.(?:get|show)\\(\"([a-zA-Z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/org/epiflow/ui"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher mm = call.matcher(java.nio.file.Files.readString(f));
                while (mm.find()) {
                    String key = mm.group(1);
                    if (!key.endsWith(".") && !EN.has(key)) {
                        missing.add(key + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
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
