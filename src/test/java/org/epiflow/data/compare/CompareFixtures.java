package org.epiflow.data.compare;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Small datasets for comparison tests: four prefectures, flows typed day by day. */
public final class CompareFixtures {
    public static final LocalDate START = LocalDate.of(2020, 1, 1);
    /** Wuhan and Xiaogan in Hubei, Beijing, Shanghai. */
    public static final RegionTable REGIONS = new RegionTable(List.of(
            new Region("420100", "武汉市", "Wuhan", "prefecture", "420000", 30.6, 114.3, 11_000_000),
            new Region("420900", "孝感市", "Xiaogan", "prefecture", "420000", 30.9, 113.9, 4_000_000),
            new Region("110100", "北京市", "Beijing", "prefecture", "110000", 39.9, 116.4, 21_000_000),
            new Region("310100", "上海市", "Shanghai", "prefecture", "310000", 31.2, 121.5, 24_000_000)));

    private CompareFixtures() {
    }

    /** A dataset from {@link #START} with suppression threshold {@code k}; trips[day] = {origin, destination, trips, …}. */
    public static AggregateDataset data(int k, int[]... trips) {
        return data(REGIONS, k, trips);
    }

    /** As {@link #data(int, int[]...)} over another region table. */
    public static AggregateDataset data(RegionTable regions, int k, int[]... trips) {
        Period period = new Period(START, START.plusDays(trips.length - 1));
        FlowTable.Builder b = FlowTable.builder(period, 16);
        for (int d = 0; d < trips.length; d++) {
            for (int i = 0; i < trips[d].length; i += 3) {
                if (b.add(d, trips[d][i], trips[d][i + 1], trips[d][i + 2]) != null) {
                    throw new IllegalArgumentException("row refused: day " + d + " " + i / 3);
                }
            }
        }
        BundleInfo info = new BundleInfo("t", "Test", Instant.parse("2020-06-01T00:00:00Z"), period, "day",
                "prefecture", List.of("trips"), k, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1));
        return new AggregateDataset(info, regions, b.build(), Optional.empty());
    }
}
