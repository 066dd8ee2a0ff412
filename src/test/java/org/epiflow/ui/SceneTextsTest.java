package org.epiflow.ui;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.epiflow.ui.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan itself: it finds words in the wrong script wherever a user can see them, and lets data through. */
@ExtendWith(ApplicationExtension.class)
class SceneTextsTest {
    static final Messages ZH = Messages.of(Locale.SIMPLIFIED_CHINESE);
    static final Messages EN = Messages.of(Locale.ENGLISH);

    @Start
    void start(Stage s) {
    }

    @Test
    void findsLatinWordsOnAChineseScreenWhereverTheyAre() {
        Label ok = new Label(ZH.get("status.officer", "3bc5b88fdba696ab"));
        Button b = new Button(ZH.get("dialog.ok"));
        b.setTooltip(new Tooltip("Wipe the key"));
        MenuBar bar = new MenuBar(new Menu(ZH.get("menu.file"), null, new MenuItem("Quit")));
        DialogPane pane = new DialogPane();
        pane.setHeaderText(ZH.get("open.refused.header", "a.epiflow", ZH.get("check.CONTAINER.title")));
        TextArea details = new TextArea("Technical: the file is truncated");
        details.setEditable(false);
        pane.setExpandableContent(details);
        VBox root = new VBox(ok, b, bar, pane, new Label("EpiFlow Demo Carrier · 797F-8255-ADCE-D855 · Wuhan"));
        List<String> foreign = new SceneTexts(ZH).allowing(List.of("EpiFlow Demo Carrier", "Wuhan")).foreign(root);
        assertThat(foreign).anyMatch(s -> s.contains("“Wipe”") && s.contains("tooltip"))
                .anyMatch(s -> s.contains("“Quit”"))
                .anyMatch(s -> s.contains("“Technical”"))
                .noneMatch(s -> s.contains("3bc5b88fdba696ab") || s.contains("ADCE") || s.contains("epiflow")
                        || s.contains("Wuhan") || s.contains("Demo"));
        assertThat(new SceneTexts(ZH).unexplained(root)).anyMatch(s -> s.startsWith("Quit"))
                .noneMatch(s -> s.startsWith(ZH.get("dialog.ok")));
    }

    @Test
    void findsChineseOnAnEnglishScreenButNotInData() {
        Label l = new Label("Top 20 partners 往来");
        Label data = new Label("武汉市 (420100)");
        List<String> foreign = new SceneTexts(EN).allowing(List.of("武汉市")).foreign(new VBox(l, data));
        assertThat(foreign).singleElement().asString().contains("“往来”");
    }
}
