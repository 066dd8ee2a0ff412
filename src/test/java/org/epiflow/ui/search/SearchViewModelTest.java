package org.epiflow.ui.search;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.ui.map.RegionSelection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SearchViewModelTest {
    RegionSelection selection;
    SearchViewModel vm;

    @BeforeEach
    void setUp() {
        selection = new RegionSelection();
        selection.datasetProperty().set(TestDatasets.dataset(2, 10, LocalDate.of(2030, 1, 1), 1));
        vm = new SearchViewModel(selection);
    }

    @ParameterizedTest
    @CsvSource({"武汉,420100", "wuhan,420100", "WUH,420100", "4201,420100", "上海市,310100", "canton,440100"})
    void findsByChineseEnglishOrCode(String query, String code) {
        assertThat(vm.search(query).get(0).code()).isEqualTo(code);
    }

    @Test
    void nothingForNoText() {
        assertThat(vm.search("  ")).isEmpty();
    }

    @Test
    void prefixRanksAboveSubstring() {
        // "shang" is a prefix of Shanghai only; "hai" a substring of Shanghai
        assertThat(vm.search("0100")).extracting(RegionMatch::code).startsWith("110100");
    }

    @Test
    void enterSelectsTheBestHit() {
        vm.textProperty().set("guang");
        vm.choose(null);
        assertThat(selection.code()).isEqualTo("440100");
    }

    @Test
    void clearingTheSelectionClearsTheBox() {
        vm.textProperty().set("wuhan");
        assertThat(vm.choose(null)).isTrue();
        assertThat(vm.textProperty().get()).isEqualTo("wuhan");
        selection.clear();
        assertThat(vm.textProperty().get()).isEmpty();
    }

    @Test
    void selectingAnotherPlaceElsewhereClearsTheBox() {
        vm.textProperty().set("wuhan");
        vm.choose(null);
        selection.select("310100");
        assertThat(vm.textProperty().get()).isEmpty();
    }
}
