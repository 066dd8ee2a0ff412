package org.epiflow.ui.i18n;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import org.epiflow.text.Message;
import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts of view-models follow a change of language without a restart. */
class LocalTextTest {
    @Test
    void aMessageShownIsShownAgainInTheNewLanguage() {
        Messages m = Messages.of(Locale.ENGLISH);
        LocalText t = m.text();
        t.show("open.opened", "demo.epiflow");
        assertThat(t.get()).isEqualTo("Opened demo.epiflow");
        m.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(t.get()).isEqualTo("已打开 demo.epiflow");
        assertThat(m.get("dialog.ok")).isEqualTo("确定");
        t.set("data, not words");
        m.setLocale(Locale.ENGLISH);
        assertThat(t.get()).isEqualTo("data, not words");
        assertThat(t.message()).isNull();
    }

    @Test
    void nestedMessagesAndFailuresFollowToo() {
        Messages m = Messages.of(Locale.SIMPLIFIED_CHINESE);
        LocalText t = m.text();
        t.show("risk.status.failed", org.epiflow.text.Problems.of(new NoSuchFileException("/x/cases.csv")));
        assertThat(t.get()).isEqualTo("模型无法运行：文件 /x/cases.csv 不存在。");
        m.setLocale(Locale.ENGLISH);
        assertThat(t.get()).isEqualTo("The model could not run: The file /x/cases.csv does not exist.");
    }

    @Test
    void listsAndBindingsFollow() {
        Messages m = Messages.of(Locale.ENGLISH);
        LocalTexts l = m.list();
        l.setAll(List.of(Message.of("risk.error.noBundle"), Message.of("analytics.input.needCases")));
        SimpleStringProperty code = new SimpleStringProperty("420100");
        StringBinding b = m.bind(() -> m.get("status.officer", code.get()), code);
        m.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(l.strings()).containsExactly("请先打开数据包。", "此模型需要病例数据。");
        assertThat(b.get()).isEqualTo("人员密钥 420100");
        assertThat(m.localeProperty().get()).isEqualTo(Messages.CHINESE);
    }
}
