package org.epiflow.ui.export;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.map.Language;
import org.epiflow.ui.i18n.Messages;

import java.util.List;

/**
 * The words of an export: title and subtitle (empty = the defaults for the view), the handling marking and the
 * page's language. The marking presets come in both languages; one the user picked follows the page's language (a
 * Chinese page never keeps an English preset), a marking the user typed stays as typed.
 */
public final class TextSettings {
    /** Preset keys, paired across the two languages. */
    private static final String[][] PRESETS = {
        {"export.marking.preset.zh", "export.marking.preset.en"},
        {"export.marking.preset.zh.internal", "export.marking.preset.en.restricted"},
    };

    private final Messages messages;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty marking = new SimpleStringProperty("");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();

    TextSettings(Messages messages) {
        this.messages = messages;
        language.set(messages.chinese() ? Language.ZH : Language.EN);
        marking.set(preset(0, language.get()));
        language.addListener((o, a, lang) -> followLanguage(lang));
    }

    /** The preset {@code i} in {@code lang}. */
    String preset(int i, Language lang) {
        return messages.get(PRESETS[i][lang == Language.ZH ? 0 : 1]);
    }

    /** The handling marking presets, the page language's first. */
    public List<String> markingPresets() {
        Language l = language.get(), other = l == Language.ZH ? Language.EN : Language.ZH;
        return List.of(preset(0, l), preset(1, l), preset(0, other), preset(1, other));
    }

    /** A preset marking in the other language becomes the same preset in {@code lang}. */
    void followLanguage(Language lang) {
        String m = marking.get();
        for (int i = 0; i < PRESETS.length; i++) {
            for (Language l : Language.values()) {
                if (l != lang && preset(i, l).equals(m)) {
                    marking.set(preset(i, lang));
                    return;
                }
            }
        }
    }

    Observable[] dependencies() {
        return new Observable[] {title, subtitle, marking, language};
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subtitleProperty() {
        return subtitle;
    }

    public StringProperty markingProperty() {
        return marking;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }
}
