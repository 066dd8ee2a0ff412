package org.epiflow.ui.map;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Several places selected (Ctrl+click) and the flows between them, as flowmap.gl's "between" filter. */
class BetweenSelectionTest {
    static final AggregateDataset DATA = TestDatasets.dataset(10, 10, LocalDate.of(2030, 1, 1), 3);
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel vm;

    @BeforeEach
    void setUp() {
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        vm = new MapViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), worker, selection);
        vm.resize(320, 200);
        vm.filters().autoProvincesProperty().set(false);
        vm.filters().topNProperty().set(0);
        vm.daysProperty().set(DayRange.of(0));
        vm.datasetProperty().set(DATA);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    private String code(int region) {
        return DATA.regions().get(region).code();
    }

    /** Pairs with trips on day 0 that a test predicate keeps, counted from the table itself. */
    private static int pairs(java.util.function.BiPredicate<Integer, Integer> keep) {
        var t = DATA.flows();
        int n = 0;
        for (int r = t.firstRow(0); r < t.endRow(0); r++) {
            if (t.origin(r) != t.destination(r) && keep.test(t.origin(r), t.destination(r))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void toggleAddsAndRemovesKeepingTheFirstSelectedFirst() {
        selection.select(code(0));
        selection.toggle(code(1));
        selection.toggle(code(2));
        assertThat(selection.codes()).containsExactly(code(0), code(1), code(2));
        assertThat(selection.code()).isEqualTo(code(0));
        selection.toggle(code(0));
        assertThat(selection.codes()).containsExactly(code(1), code(2));
        assertThat(selection.code()).as("the next one becomes the first").isEqualTo(code(1));
        selection.select(code(3));
        assertThat(selection.codes()).containsExactly(code(3));
        selection.clear();
        assertThat(selection.codes()).isEmpty();
        assertThat(selection.isEmpty()).isTrue();
    }

    @Test
    void betweenKeepsOnlyFlowsWithBothEndsSelected() {
        vm.filters().directionProperty().set(Direction.BETWEEN);
        selection.selectAll(List.of(code(0), code(1), code(2)));
        var f = vm.frameProperty().get().flows();
        Set<String> chosen = Set.of(code(0), code(1), code(2));
        assertThat(f.size()).as("every pair of the day among the three").isEqualTo(pairs((o, d) ->
                chosen.contains(code(o)) && chosen.contains(code(d))));
        assertThat(f.size()).isGreaterThan(1);
        for (int i = 0; i < f.size(); i++) {
            assertThat(chosen).contains(f.nodes().code(f.origin(i)), f.nodes().code(f.destination(i)));
        }
        assertThat(vm.frameProperty().get().scene().selected()).isEqualTo(chosen);
        assertThat(vm.summaryProperty().get()).doesNotContain("Ctrl+click");
    }

    @Test
    void bothKeepsFlowsTouchingAnySelectedPlace() {
        vm.filters().directionProperty().set(Direction.BOTH);
        selection.selectAll(List.of(code(0), code(1)));
        var f = vm.frameProperty().get().flows();
        Set<String> chosen = Set.of(code(0), code(1));
        assertThat(f.size()).isEqualTo(pairs((o, d) -> chosen.contains(code(o)) || chosen.contains(code(d))));
        assertThat(f.size()).isGreaterThan(pairs((o, d) -> chosen.contains(code(o)) && chosen.contains(code(d))));
    }

    @Test
    void betweenWithOnePlaceSaysToSelectMore() {
        vm.filters().directionProperty().set(Direction.BETWEEN);
        selection.select(code(0));
        assertThat(vm.frameProperty().get().flows().size()).isZero();
        assertThat(vm.summaryProperty().get()).contains("Ctrl+click more places");
    }

    @Test
    void provinceRollUpKeepsEverySelectedPlaceAsItsProvince() {
        selection.selectAll(List.of("420100", "440100"));
        vm.filters().provincesProperty().set(true);
        assertThat(selection.codes()).containsExactly("420000", "440000");
    }
}
