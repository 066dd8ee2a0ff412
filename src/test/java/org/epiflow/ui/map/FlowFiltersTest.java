package org.epiflow.ui.map;

import org.epiflow.data.DayRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowFiltersTest {
    static final DayRange DAY = DayRange.of(0);

    @Test
    void rollsUpToProvincesByItselfOnlyWhenZoomedFarOutWithNothingSelected() {
        FlowFilters f = new FlowFilters();
        assertThat(f.spec(DAY, new int[0], 2_000).provinces()).isFalse();
        assertThat(f.spec(DAY, new int[0], 20_000).provinces()).isTrue();
        assertThat(f.spec(DAY, new int[] {3}, 20_000).provinces()).isFalse();
        f.autoProvincesProperty().set(false);
        assertThat(f.spec(DAY, new int[0], 20_000).provinces()).isFalse();
        f.provincesProperty().set(true);
        assertThat(f.spec(DAY, new int[0], 2_000).provinces()).isTrue();
    }
}
