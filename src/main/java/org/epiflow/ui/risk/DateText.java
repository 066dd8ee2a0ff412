package org.epiflow.ui.risk;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dates of the risk form as text: shown as the app shows dates everywhere (2020-01-23, in both languages), and
 * read in the forms an analyst types — {@code 2020-01-23}, {@code 2020-1-23}, {@code 2020/1/23}, {@code 2020.1.23},
 * {@code 2020年1月23日}, {@code 20200123}, and {@code 1/23/2020} (JavaFX's English form).
 *
 * <p>JavaFX's own converter follows the default locale's short style: in Chinese {@code y/M/d}, so a typed
 * {@code 2020-01-23} was refused silently and the field went back to its old date — the date the analyst typed was
 * never used. Text that is no date at all keeps the field's date (it is not cleared).
 */
final class DateText extends StringConverter<LocalDate> {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final List<DateTimeFormatter> READ = List.of(
            pattern("uuuu-M-d"), pattern("uuuu/M/d"), pattern("uuuu.M.d"), pattern("uuuu年M月d日"),
            pattern("uuuuMMdd"), pattern("M/d/uuuu"));

    private final ObjectProperty<LocalDate> current;

    /** @param current the field's date, kept when the text is not a date */
    DateText(ObjectProperty<LocalDate> current) {
        this.current = current;
    }

    /**
     * A date picker for {@code value} that shows and reads dates this way and commits what is typed on Enter or on
     * leaving the field.
     */
    static DatePicker picker(String id, ObjectProperty<LocalDate> value) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setConverter(new DateText(p.valueProperty()));
        p.valueProperty().bindBidirectional(value);
        p.getEditor().focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(p);
            }
        });
        return p;
    }

    /** Sets the picker's date from its text now (the text is reformatted, or restored when it is not a date). */
    static void commit(DatePicker p) {
        String text = p.getEditor().getText();
        if (text == null || text.isBlank()) {
            p.setValue(null);
        } else {
            parse(text).ifPresent(p::setValue);
        }
        p.getEditor().setText(p.getConverter().toString(p.getValue()));
    }

    /** The date in {@code text}, if it is one in a form above. */
    static Optional<LocalDate> parse(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.strip().toCharArray()) {   // a Chinese input method may type full-width forms
            b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '／' ? '/' : c == '－' ? '-'
                    : c == '．' ? '.' : c);
        }
        String t = b.toString();
        for (DateTimeFormatter f : READ) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString(LocalDate d) {
        return d == null ? "" : SHOWN.format(d);
    }

    @Override
    public LocalDate fromString(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return parse(s).orElse(current.get());
    }

    private static DateTimeFormatter pattern(String p) {
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
