package org.epiflow.ui;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.ui.risk.RankingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spread risk in the workstation: demo bundle → import the demo's cases.csv → run importation risk → heatmap with
 * legend → ranking table → select the top row → the map selection follows (and back).
 */
@ExtendWith(WorkstationExtension.class)
class RiskWorkstationFxTest {

    @Test
    void importCasesRunImportationRiskAndFollowTheSelection(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        w.unlockDemo();

        TabPane tabs = w.node("#sideTabs");
        Tab riskTab = tabs.getTabs().get(1);
        w.interact(() -> tabs.getSelectionModel().select(riskTab));
        w.files().answers.add(w.demo().dir().resolve(DemoInstaller.CASES));
        Button importCases = w.node("#importCasesButton");
        w.interact(importCases::fire);   // below the fold of the side panel at 1280x800
        w.waitFor(() -> vm.risk().casesProperty().get() != null);
        assertThat(w.text("#casesSummary")).startsWith("cases.csv:");
        assertThat(vm.risk().caseProblems()).isEmpty();

        Button run = w.node("#runRiskButton");
        assertThat(run.isDisabled()).as("run button enabled").isFalse();
        w.interact(run::fire);   // may sit below the fold of the side panel at 1280x800
        w.waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get(), () -> risk(vm));
        assertThat(vm.risk().errors()).isEmpty();
        w.waitFor(() -> vm.map().frameProperty().get().scene().heatmap() != null
                && !vm.map().renderingProperty().get(), () -> risk(vm));
        assertThat(w.robot().lookup("#heatmapLegend").query().isVisible()).isTrue();
        // importation opens on expected imported infections (issue 11 item 6), and says what it was made with
        assertThat(w.text("#heatmapLegendTitle")).isEqualTo("Expected imported infections");
        assertThat(w.text("#riskInputs")).contains("Travel 2020-01-01 – ").contains("Cases as of 2020-03-31");

        TableView<RankingRow> table = w.node("#rankingTable");
        assertThat(table.getItems()).isNotEmpty();
        // every column header is read in full: the measure's header was cut to "Expected imported infe…"
        w.interact(table::layout);
        var headers = w.robot().from(table).lookup(".column-header .label").queryAllAs(javafx.scene.control.Label.class);
        assertThat(headers).isNotEmpty();
        for (var h : headers) {
            var shown = w.robot().from(h).lookup(".text").queryAs(javafx.scene.text.Text.class);
            assertThat(shown.getText()).as("header %s as shown", h.getText()).isEqualTo(h.getText());
        }
        RankingRow top = table.getItems().get(0);
        assertThat(top.rank()).isEqualTo(1);
        w.interact(() -> table.getSelectionModel().select(0));
        w.waitFor(() -> top.code().equals(vm.selection().code()) && !vm.map().renderingProperty().get());
        assertThat(vm.map().frameProperty().get().scene().selected()).containsExactly(top.code());
        assertThat(new SceneTexts(vm.messages()).unexplained(w.scene().getRoot())).isEmpty();

        RankingRow third = table.getItems().get(2);
        w.interact(() -> vm.selection().select(third.code()));
        w.waitFor(() -> table.getSelectionModel().getSelectedItem() == third);

        CheckBox showFlows = w.node("#showFlows");
        w.interact(showFlows::fire);
        w.waitFor(() -> !vm.map().flowsVisibleProperty().get() && !vm.map().renderingProperty().get());
        assertThat(vm.map().frameProperty().get().scene().flowGeometry().arcCount()).isZero();
        w.interact(() -> {
            vm.risk().heatmap().measureProperty().set(vm.risk().heatmap().measures().get(1));
            vm.map().zoomToFit();
        });
        w.waitForMap();
        w.shot("risk.png");
    }

    private static String risk(WorkstationViewModel vm) {
        var f = vm.map().frameProperty().get();
        return "risk run " + (vm.risk().runProperty().get() != null) + ", heatmap set "
                + (vm.map().heatmapProperty().get() != null) + ", frame heatmap "
                + (f != null && f.scene().heatmap() != null) + ", risk status '" + vm.risk().statusProperty().get()
                + "' errors " + vm.risk().errors();
    }
}
