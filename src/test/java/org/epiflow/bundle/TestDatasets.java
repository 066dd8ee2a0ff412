package org.epiflow.bundle;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Small deterministic datasets for bundle tests. */
public final class TestDatasets {
    public static final LocalDate START = LocalDate.of(2020, 1, 10);
    public static final String BUNDLE_ID = "test-bundle-0001";

    private TestDatasets() {
    }

    public static List<Region> regions() {
        return List.of(
                new Region("110100", "北京市", "Beijing", "prefecture", "110000", 39.9042, 116.4074, 21_540_000),
                new Region("310100", "上海市", "Shanghai", "prefecture", "310000", 31.2304, 121.4737, 24_870_000),
                new Region("420100", "武汉市", "Wuhan, Hubei", "prefecture", "420000", 30.5928, 114.3055, 11_080_000),
                new Region("440100", "广州市", "Guangzhou \"Canton\"", "prefecture", "440000", 23.1291, 113.2644,
                        15_300_000));
    }

    public static BundleInfo info(int days, int k, LocalDate expires) {
        return new BundleInfo(BUNDLE_ID, "Test Carrier 测试运营商", Instant.parse("2020-04-01T08:00:00Z"),
                new Period(START, START.plusDays(days - 1)), "day", "prefecture", List.of("trips", "residents"),
                k, 1, BundleManifest.PURPOSE, expires);
    }

    /** A dataset of {@code days} days where every ordered pair of regions has trips at or above k. */
    public static AggregateDataset dataset(int days, int k, LocalDate expires, long seed) {
        BundleInfo info = info(days, k, expires);
        RegionTable regions = new RegionTable(regions());
        Random rnd = new Random(seed);
        FlowTable.Builder fb = FlowTable.builder(info.period(), days * 16);
        ResidentTable.Builder rb = ResidentTable.builder(info.period(), days * 4);
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < regions.size(); o++) {
                for (int t = 0; t < regions.size(); t++) {
                    if (o != t && rnd.nextInt(5) > 0) {
                        check(fb.add(d, o, t, k + rnd.nextInt(5000)));
                    }
                }
                check(rb.add(d, o, 100_000 + rnd.nextInt(100_000)));
            }
        }
        return new AggregateDataset(info, regions, fb.build(), Optional.of(rb.build()));
    }

    private static void check(String why) {
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }
}
