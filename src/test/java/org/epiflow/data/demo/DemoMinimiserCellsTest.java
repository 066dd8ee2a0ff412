package org.epiflow.data.demo;

import org.epiflow.bundle.MinimisationException;
import org.epiflow.bundle.Minimiser;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory entry point of the Minimiser (used by the demo) does exactly what the file-based one does. */
class DemoMinimiserCellsTest {
    @TempDir
    Path dir;

    static final RegionTable REGIONS = new RegionTable(List.of(
            new Region("110000", "北京市", "Beijing", "municipality", "110000", 39.9, 116.4, 18_522_000),
            new Region("310000", "上海市", "Shanghai", "municipality", "310000", 31.2, 121.5, 24_073_000),
            new Region("420100", "武汉市", "Wuhan", "prefecture", "420000", 30.6, 114.3, 10_251_000)));

    @Test
    void inMemoryCellsAreMinimisedLikeTheSameCsvFiles() throws Exception {
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        int[][] flows = {{1, 2, 0, 15}, {0, 0, 1, 9}, {0, 1, 2, 40}, {1, 0, 1, 10}, {0, 2, 1, 3}, {1, 1, 0, 12}};
        Minimiser.Cells cells = Minimiser.Cells.flows("flows");
        StringBuilder csv = new StringBuilder("date,origin,destination,trips\n");
        for (int[] f : flows) {
            cells.addFlow(d0.plusDays(f[0]), f[1], f[2], f[3]);
            csv.append(d0.plusDays(f[0])).append(',').append(REGIONS.get(f[1]).code()).append(',')
                    .append(REGIONS.get(f[2]).code()).append(',').append(f[3]).append('\n');
        }
        Minimiser.Cells residents = Minimiser.Cells.residents("residents")
                .addResidents(d0, 2, 5).addResidents(d0, 0, 100).addResidents(d0.plusDays(1), 1, 50);
        Path flowsCsv = Files.writeString(dir.resolve("flows.csv"), csv);
        Path residentsCsv = Files.writeString(dir.resolve("residents.csv"), "date,region,residents\n"
                + d0 + ",420100,5\n" + d0 + ",110000,100\n" + d0.plusDays(1) + ",310000,50\n");
        StringBuilder regions = new StringBuilder("code,name,name_en,level,parent,lat,lon,population\n");
        for (Region r : REGIONS.all()) {
            regions.append(String.join(",", r.code(), r.name(), r.nameEn(), r.level(), r.parent(),
                    String.valueOf(r.lat()), String.valueOf(r.lon()), String.valueOf(r.population()))).append('\n');
        }
        Path regionsCsv = Files.writeString(dir.resolve("regions.csv"), regions);

        Minimiser.Result mem = Minimiser.minimise(REGIONS, cells, residents, 10, 1);
        Minimiser.Result file = Minimiser.minimise(regionsCsv, flowsCsv, residentsCsv, 10, 1);
        assertThat(mem.report()).isEqualTo(file.report());
        assertThat(mem.period()).isEqualTo(file.period());
        DemoScenarioTest.assertSameFlows(mem.flows(), file.flows());
        DemoScenarioTest.assertSameResidents(mem.residents().orElseThrow(), file.residents().orElseThrow());
        assertThat(mem.flows().rowCount()).isEqualTo(4);
        assertThat(mem.report().flowCellsSuppressed()).isEqualTo(2);
        assertThat(mem.report().tripsSuppressed()).isEqualTo(12);
        assertThat(mem.residents().orElseThrow().rowCount()).isEqualTo(2);
    }

    @Test
    void refusesDuplicatesUnknownRegionsAndMixedUpTables() {
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        Minimiser.Cells dup = Minimiser.Cells.flows("flows").addFlow(d0, 0, 1, 20).addFlow(d0, 0, 1, 30);
        assertThatThrownBy(() -> Minimiser.minimise(REGIONS, dup, null, 10, 1))
                .isInstanceOf(MinimisationException.class).hasMessageContaining("appears twice");
        Minimiser.Cells unknown = Minimiser.Cells.flows("flows").addFlow(d0, 0, 7, 20);
        assertThatThrownBy(() -> Minimiser.minimise(REGIONS, unknown, null, 10, 1))
                .isInstanceOf(MinimisationException.class).hasMessageContaining("not in the regions table");
        assertThatThrownBy(() -> Minimiser.Cells.residents("r").addFlow(d0, 0, 1, 20))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Minimiser.Cells.flows("f").addFlow(d0, 0, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Minimiser.minimise(REGIONS, Minimiser.Cells.flows("f"), null, 10, 1))
                .isInstanceOf(MinimisationException.class).hasMessageContaining("no rows");
    }
}
