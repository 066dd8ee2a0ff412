package org.epiflow.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.epiflow.ui.help.ShortcutsOverlay;
import org.epiflow.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds visible texts in a scene graph that do not come from the resource bundle: every {@link Labeled} text and
 * every prompt text must match one of the bundle's patterns (placeholders match anything), or carry no letters
 * (numbers, dates, symbols), or be a key name of the shortcuts overlay. Tables, charts (data) and the map legend
 * (localized by the map model) are skipped.
 */
final class SceneTexts {
    private final List<Pattern> patterns = new ArrayList<>();

    SceneTexts(Messages m) {
        for (String key : m.keys()) {
            patterns.add(toRegex(m.pattern(key)));
        }
    }

    private static Pattern toRegex(String pattern) {
        String unquoted = pattern.replace("''", "'");
        StringBuilder re = new StringBuilder();
        Matcher mm = Pattern.compile("\\{\\d+[^}]*}").matcher(unquoted);
        int last = 0;
        while (mm.find()) {
            re.append(Pattern.quote(unquoted.substring(last, mm.start()))).append("(?s:.*?)");
            last = mm.end();
        }
        re.append(Pattern.quote(unquoted.substring(last)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Texts shown under {@code root} that are not explained by the bundle. */
    List<String> unexplained(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private void walk(Node n, List<String> out) {
        if (n instanceof TableView<?> || n instanceof Chart || "legend".equals(n.getId())) {
            return;
        }
        if (n instanceof Labeled l) {
            check(l.getText(), out);
        }
        if (n instanceof TextInputControl t) {
            check(t.getPromptText(), out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    private void check(String text, List<String> out) {
        if (text == null || text.isBlank() || !text.codePoints().anyMatch(Character::isLetter)) {
            return;
        }
        for (String part : text.split(" {2}· {2}")) {
            if (!explained(part.strip())) {
                out.add(text);
                return;
            }
        }
    }

    private boolean explained(String s) {
        if (ShortcutsOverlay.SHORTCUTS.stream().anyMatch(k -> k[0].equals(s))) {
            return true;
        }
        return patterns.stream().anyMatch(p -> p.matcher(s).matches());
    }

    /**
     * Labels, check boxes and buttons under {@code root} whose text is cut short on screen (the skin shows "…"
     * instead of the whole text): their texts.
     */
    static List<String> truncated(Node root) {
        List<String> out = new ArrayList<>();
        truncated(root, out);
        return out;
    }

    private static void truncated(Node n, List<String> out) {
        if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isBlank()) {
            for (Node t : l.lookupAll(".text")) {
                if (t instanceof javafx.scene.text.Text text && t.getParent() == l
                        && !text.getText().equals(l.getText()) && text.getText().endsWith("…")) {
                    out.add(l.getText() + " (shown as \"" + text.getText() + "\")");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                truncated(c, out);
            }
        }
    }
}
