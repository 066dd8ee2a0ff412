package org.epiflow.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.epiflow.ui.help.ShortcutsOverlay;
import org.epiflow.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a user can see in a scene graph or a dialog, and two checks on them.
 *
 * <p>{@link #unexplained}: every text must match one of the catalogue's patterns (placeholders match anything), or
 * carry no letters (numbers, dates, symbols), or be a key name of the shortcuts overlay. Data (table cells, the
 * text of editable fields) is not checked.
 *
 * <p>{@link #foreign}: in Chinese, no word of Latin letters that is not data (region names, the issuer, codes, file
 * names — given with {@link #allowing}), a unit, an acronym or a key name; in English, no Chinese character outside
 * such data. Walks labels, buttons, tabs, menus and their items, tooltips, prompt texts, combo-box items, table
 * headers and placeholders, chart titles, axes, ticks and series names, legends, non-editable text areas (a dialog's
 * details) and a dialog pane's expandable content.
 */
final class SceneTexts {
    /** Latin words that are names, acronyms, units or keys in every language. */
    static final Set<String> LATIN_EVERYWHERE = Set.of("EpiFlow", "PNG", "SVG", "PDF", "PPTX", "GIF", "CSV",
            "XLSX", "Excel", "PowerPoint", "DPI", "dpi", "GeoJSON", "Shapefile", "SEIR", "R0", "ISO", "A4", "A3", "k",
            "km", "px", "Ctrl", "Esc", "F1", "PgUp", "PgDn", "Z", "Minisign", "age", "pub", "key", "csv", "cases",
            "epiflow", "Jenks", "Du", "Brockmann", "Helbing", "Jia", "Viridis", "GB", "WGS84", "UTC");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9'’]*");
    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}]+");
    /** Codes: hex key ids, fingerprints, message codes, versions — anything with digits, dots or underscores. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]*[0-9._][A-Za-z0-9._-]*|[0-9A-F]{4}(-[0-9A-F]{4})+");
    private static final Pattern NUMBERISH = Pattern.compile("[\\s\\d.,:%+−\\-–<>≥≤×/()万亿·]*");

    /** One visible text; {@code data} when it shows data (a table cell, a field's content) rather than words. */
    record Shown(String text, String where, boolean data) {
    }

    private final Messages messages;
    private final List<Pattern> patterns = new ArrayList<>();
    private final Set<String> allowed = new HashSet<>();

    SceneTexts(Messages m) {
        this.messages = m;
        for (String key : m.keys()) {
            String p = m.pattern(key);
            // a pattern that is only a placeholder ("{0}", "“{0}”") would explain any text
            if (!p.replaceAll("\\{\\d+[^}]*}", "").replaceAll("[\\s“”\"']", "").isEmpty()) {
                patterns.add(toRegex(p));
            }
        }
        for (String[] s : ShortcutsOverlay.SHORTCUTS) {
            allowed.add(s[0]);
        }
    }

    /** Allows these data texts (region names, the issuer, file names…) in either script. */
    SceneTexts allowing(Collection<String> data) {
        for (String d : data) {
            if (d != null && !d.isBlank()) {
                allowed.add(d.strip());
            }
        }
        return this;
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

    // ---- what is shown ---------------------------------------------------------------------------------------

    /** Every text shown under {@code root} (a scene's root, a dialog pane, a menu bar…). */
    List<Shown> collect(Node root) {
        List<Shown> out = new ArrayList<>();
        walk(root, out, false);
        return out;
    }

    private void walk(Node n, List<Shown> out, boolean data) {
        String where = n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
        if ("otherLanguageLink".equals(n.getId())) {
            return;   // the name of the other language, in that language, by design
        }
        if (n instanceof Labeled l) {
            add(out, l.getText(), where, data);
        } else if (n instanceof Text t && !(n.getParent() instanceof Labeled)) {
            add(out, t.getText(), where, data);
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            add(out, c.getTooltip().getText(), where + " tooltip", false);
        }
        if (n instanceof TextInputControl t) {
            add(out, t.getPromptText(), where + " prompt", false);
            if (t instanceof TextArea a && !a.isEditable()) {
                add(out, a.getText(), where, false);
            }
        }
        if (n instanceof ComboBox<?> c) {
            comboItems(c, out, where);
        }
        if (n instanceof MenuBar bar) {
            for (Menu m : bar.getMenus()) {
                menu(m, out);
            }
        }
        if (n instanceof TabPane tp) {
            for (Tab t : tp.getTabs()) {
                add(out, t.getText(), where + " tab", false);
                if (t.getContent() != null) {
                    walk(t.getContent(), out, data);
                }
            }
            return;
        }
        if (n instanceof TableView<?> tv) {
            for (TableColumnBase<?, ?> c : tv.getColumns()) {
                column(c, out, where);
            }
            if (tv.getPlaceholder() != null) {
                walk(tv.getPlaceholder(), out, false);
            }
            // the cells are data
            for (Node c : tv.getChildrenUnmodifiable()) {
                walk(c, out, true);
            }
            return;
        }
        if (n instanceof Chart chart) {
            add(out, chart.getTitle(), where + " title", false);
            if (chart instanceof XYChart<?, ?> xy) {
                axis(xy.getXAxis(), out, where);
                axis(xy.getYAxis(), out, where);
                for (XYChart.Series<?, ?> s : xy.getData()) {
                    add(out, s.getName(), where + " series", false);
                }
            }
        }
        if (n instanceof DialogPane p) {
            add(out, p.getHeaderText(), where + " header", false);
            add(out, p.getContentText(), where + " content", false);
            if (p.getExpandableContent() != null && !p.getChildrenUnmodifiable().contains(p.getExpandableContent())) {
                walk(p.getExpandableContent(), out, false);
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out, data || n instanceof TextInputControl);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void comboItems(ComboBox c, List<Shown> out, String where) {
        for (Object item : c.getItems()) {
            String s = c.getConverter() != null ? c.getConverter().toString(item) : String.valueOf(item);
            add(out, s, where + " item", false);
        }
        add(out, c.getPromptText(), where + " prompt", false);
    }

    private void menu(MenuItem m, List<Shown> out) {
        boolean path = m.getText() != null && (m.getText().contains("/") || m.getText().contains("\\"));
        add(out, m.getText(), "menu", path);   // a recent file is data
        if (m instanceof Menu sub) {
            for (MenuItem i : sub.getItems()) {
                menu(i, out);
            }
        }
    }

    private void column(TableColumnBase<?, ?> c, List<Shown> out, String where) {
        add(out, c.getText(), where + " column", false);
        for (TableColumnBase<?, ?> sub : c.getColumns()) {
            column(sub, out, where);
        }
    }

    private void axis(Axis<?> a, List<Shown> out, String where) {
        add(out, a.getLabel(), where + " axis", false);
        for (Axis.TickMark<?> t : a.getTickMarks()) {
            add(out, t.getLabel(), where + " tick", a instanceof javafx.scene.chart.CategoryAxis);
        }
    }

    private static void add(List<Shown> out, String text, String where, boolean data) {
        if (text != null && !text.isBlank()) {
            out.add(new Shown(text, where, data));
        }
    }

    // ---- the checks ------------------------------------------------------------------------------------------

    /** Labels under {@code root} whose text is cut off ("…") as laid out: in a dialog every word must show. */
    static List<String> cutOff(Node root) {
        List<String> out = new ArrayList<>();
        cutOff(root, out);
        return out;
    }

    private static void cutOff(Node n, List<String> out) {
        if (n instanceof Text t && n.getParent() instanceof Labeled l && l.getText() != null
                && !l.getText().equals(t.getText())
                && (t.getText().endsWith("…") || t.getText().endsWith("..."))) {
            out.add(l.getText() + " shown as " + t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                cutOff(c, out);
            }
        }
    }

    /** Texts shown under {@code root} that are not explained by the catalogues (data is not checked). */
    List<String> unexplained(Node root) {
        List<String> out = new ArrayList<>();
        for (Shown s : collect(root)) {
            if (!s.data() && !explainedText(s.text())) {
                out.add(s.text() + "  [" + s.where() + "]");
            }
        }
        return out;
    }

    private boolean explainedText(String text) {
        if (!text.codePoints().anyMatch(Character::isLetter) || NUMBERISH.matcher(text).matches()
                || allowed.contains(text.strip())) {
            return true;
        }
        for (String part : text.split(" {2}· {2}")) {
            String p = part.strip();
            if (!allowed.contains(p) && patterns.stream().noneMatch(re -> re.matcher(p).matches())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words in the other script: Latin words on a Chinese screen, Chinese characters on an English one, that are
     * neither data given with {@link #allowing} nor names, units, acronyms, codes or key names.
     */
    List<String> foreign(Node root) {
        return foreign(collect(root));
    }

    List<String> foreign(List<Shown> shown) {
        Set<String> out = new LinkedHashSet<>();
        for (Shown s : shown) {
            String words = withoutCodes(withoutAllowed(s.text()));
            if (messages.chinese()) {
                Matcher m = LATIN_WORD.matcher(words);
                while (m.find()) {
                    String w = m.group();
                    if (!LATIN_EVERYWHERE.contains(w) && !CODE.matcher(w).matches() && !allowedWord(w)) {
                        out.add("“" + w + "” in “" + s.text() + "”  [" + s.where() + "]");
                    }
                }
            } else {
                Matcher m = HAN.matcher(words);
                while (m.find()) {
                    out.add("“" + m.group() + "” in “" + s.text() + "”  [" + s.where() + "]");
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The text without codes, file names and paths: every chunk between spaces or Chinese punctuation that holds a
     * digit, a slash, a dot inside or an underscore (key ids, fingerprints, dates, {@code /tmp/x/demo.epiflow},
     * {@code payload.age}).
     */
    private static String withoutCodes(String text) {
        StringBuilder out = new StringBuilder();
        for (String chunk : text.split("(?<=[\\s（）()：:，,；;“”\"、。])|(?=[\\s（）()：:，,；;“”\"、。])")) {
            boolean code = chunk.matches(".*[0-9/\\\\_].*") || chunk.matches(".*[A-Za-z]\\.[A-Za-z].*");
            out.append(code ? " " : chunk);
        }
        return out.toString();
    }

    /** The text with every allowed data phrase (longest first) taken out. */
    private String withoutAllowed(String text) {
        String t = text;
        List<String> phrases = new ArrayList<>(allowed);
        phrases.sort((a, b) -> b.length() - a.length());
        for (String p : phrases) {
            if (p.length() > 1 && t.contains(p)) {
                t = t.replace(p, " ");
            }
        }
        return t;
    }

    private boolean allowedWord(String w) {
        for (String a : allowed) {
            for (String part : a.split("[^A-Za-z0-9'’]+")) {
                if (part.equals(w)) {
                    return true;
                }
            }
        }
        return false;
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
