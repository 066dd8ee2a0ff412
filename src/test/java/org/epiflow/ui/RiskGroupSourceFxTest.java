package org.epiflow.ui;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.epiflow.analytics.RiskModel;
import org.epiflow.ui.risk.RankingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 4 in the app: a region group saved in the workspace is offered by the risk panel's source picker;
 * picking it makes its regions (of three provinces) the sources of the run, as the ranking and the inputs line show.
 */
@ExtendWith(WorkstationExtension.class)
class RiskGroupSourceFxTest {
    static final List<String> MEMBERS = List.of("110000", "120000", "130600");

    @Test
    void aWorkspaceGroupIsPickedAsTheSourcesOfARiskRun(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        w.unlockDemo();
        w.interact(() -> assertThat(vm.groups().add("Capital region", MEMBERS)).as(vm.groups().errorProperty()
                .get()).isTrue());
        w.waitFor(() -> !vm.risk().form().groupsProperty().get().isEmpty());

        TabPane tabs = w.node("#sideTabs");
        Tab riskTab = tabs.getTabs().get(1);
        w.interact(() -> tabs.getSelectionModel().select(riskTab));
        w.interact(() -> vm.risk().modelProperty().set(RiskModel.EFFECTIVE_DISTANCE));
        MenuButton picker = w.node("#riskSourceGroup");
        assertThat(picker.isDisabled()).isFalse();
        List<MenuItem> items = picker.getItems();
        assertThat(items).extracting(MenuItem::getText).containsExactly("Capital region (3 regions)");
        w.interact(() -> items.get(0).fire());
        TextField sources = w.node("#riskSources");
        assertThat(sources.getText()).isEqualTo(String.join(", ", MEMBERS));

        Button run = w.node("#runRiskButton");
        w.interact(run::fire);
        w.waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get(),
                () -> String.valueOf(vm.risk().errors()));
        assertThat(vm.risk().errors()).isEmpty();
        TableView<RankingRow> table = w.node("#rankingTable");
        assertThat(table.getItems().stream().filter(RankingRow::source).map(RankingRow::code).toList())
                .containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(w.text("#riskInputs")).contains("Sources").contains("110000", "120000", "130600");
    }
}
