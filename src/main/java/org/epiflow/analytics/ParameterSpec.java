package org.epiflow.analytics;

import org.epiflow.analytics.classify.Legend;
import org.epiflow.text.Message;

import java.util.List;
import java.util.Locale;

/**
 * One numeric model parameter, declared once with its range and default: the CLI's option defaults, the app's
 * fields and the models' own checks all read it from here.
 *
 * @param id           machine name (the CLI option without dashes, the JSON key)
 * @param labelKey     message key of its name on screen
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param defaultValue the default
 * @param whole        true when only whole numbers are allowed
 */
public record ParameterSpec(String id, String labelKey, double min, double max, double defaultValue, boolean whole) {
    public ParameterSpec {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(id + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** A number parameter. */
    public static ParameterSpec number(String id, double min, double max, double defaultValue) {
        return new ParameterSpec(id, "analytics.param." + id, min, max, defaultValue, false);
    }

    /** A whole-number parameter. */
    public static ParameterSpec whole(String id, double min, double max, double defaultValue) {
        return new ParameterSpec(id, "analytics.param." + id, min, max, defaultValue, true);
    }

    /** True when {@code v} is allowed. */
    public boolean accepts(double v) {
        return v >= min && v <= max && (!whole || v == Math.rint(v));
    }

    /** What is wrong with a value outside the range (or not a number). */
    public Message problem() {
        return Message.of(whole ? "analytics.input.whole" : "analytics.input.number", Message.of(labelKey),
                text(min), text(max));
    }

    /** {@code v} when allowed, else a problem is added and the default returned. */
    public double check(double v, List<Message> problems) {
        if (accepts(v)) {
            return v;
        }
        problems.add(problem());
        return defaultValue;
    }

    /**
     * Reads typed text ({@code 2.5} or {@code 2,5}); when it is not an allowed number a problem is added and the
     * default returned.
     */
    public double parse(String text, List<Message> problems) {
        String s = text == null ? "" : text.trim().replace(',', '.');
        try {
            return check(Double.parseDouble(s), problems);
        } catch (NumberFormatException e) {
            problems.add(problem());
            return defaultValue;
        }
    }

    /** The default as it is typed ({@code 7}, {@code 2.5}). */
    public String defaultText() {
        return text(defaultValue);
    }

    /** A value as typed: whole numbers without decimals, others as short as exact. */
    public static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? Legend.format(v) : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
