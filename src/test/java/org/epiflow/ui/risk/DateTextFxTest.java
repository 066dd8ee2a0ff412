package org.epiflow.ui.risk;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date typed into the risk form is the date the run uses — in the Chinese UI (whose default locale reads only
 * {@code y/M/d}) and in the English one (only {@code M/d/yy}): seen in a real window, "As of" showed the typed
 * 2020-01-23 while the run said "Cases as of 2020-03-31". Typed as a user does, key by key, then Tab or Enter.
 */
@ExtendWith(ApplicationExtension.class)
class DateTextFxTest {
    private static Locale before;
    final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(LocalDate.of(2020, 3, 31));
    DatePicker picker;
    TextField next;

    @BeforeAll
    static void chinese() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);   // as AppLanguage does for the Chinese UI
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    @Start
    void start(Stage stage) {
        picker = DateText.picker("riskAsOf", asOf);
        next = new TextField();
        stage.setScene(new Scene(new VBox(picker, next), 300, 120));
        stage.show();
    }

    private void type(FxRobot robot, String text, KeyCode then) {
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().selectAll());
        robot.write(text);
        robot.type(then);
    }

    @Test
    void anIsoDateTypedInTheChineseUiIsCommittedOnTab(FxRobot robot) {
        type(robot, "2020-01-23", KeyCode.TAB);
        assertThat(asOf.get()).isEqualTo(LocalDate.of(2020, 1, 23));
        assertThat(picker.getEditor().getText()).isEqualTo("2020-01-23");
    }

    @Test
    void chineseAndSlashFormsAreReadOnEnter(FxRobot robot) {
        type(robot, "2020年1月24日", KeyCode.ENTER);
        assertThat(asOf.get()).isEqualTo(LocalDate.of(2020, 1, 24));
        assertThat(picker.getEditor().getText()).as("shown as the app shows dates").isEqualTo("2020-01-24");
        type(robot, "2020/2/3", KeyCode.TAB);
        assertThat(asOf.get()).isEqualTo(LocalDate.of(2020, 2, 3));
    }

    @Test
    void textThatIsNoDateKeepsTheDateAndShowsIt(FxRobot robot) {
        type(robot, "2020-02-30", KeyCode.TAB);
        assertThat(asOf.get()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(picker.getEditor().getText()).isEqualTo("2020-03-31");
    }

    @Test
    void englishForms() {
        assertThat(DateText.parse("1/23/2020")).contains(LocalDate.of(2020, 1, 23));
        assertThat(DateText.parse("２０２０－０１－２３")).contains(LocalDate.of(2020, 1, 23));
        assertThat(DateText.parse("20200123")).contains(LocalDate.of(2020, 1, 23));
        assertThat(DateText.parse("23 Jan")).isEmpty();
    }
}
