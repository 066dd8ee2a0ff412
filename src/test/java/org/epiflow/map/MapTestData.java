package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.util.ArrayList;
import java.util.List;

final class MapTestData {
    private MapTestData() {
    }

    /** n regions spread over eastern China, codes 110100, 110200, …, names 城0… / City 0… */
    static FlowNodes nodes(int n) {
        List<Region> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new Region(String.format("%06d", 110100 + i * 100), "城" + i, "City " + i, "prefecture", "110000",
                    24 + (i * 7 % 17), 104 + (i * 11 % 19), 1000 + i));
        }
        return FlowNodes.regions(new RegionTable(rs));
    }
}
