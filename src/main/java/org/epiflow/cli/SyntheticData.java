package org.epiflow.cli;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Deterministic synthetic datasets of a chosen size, for benchmarks (not realistic; see the demo for that). */
final class SyntheticData {
    private SyntheticData() {
    }

    static AggregateDataset flows(int regionsCount, long rows, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < regionsCount; i++) {
            regions.add(new Region(String.format("%06d", 110100 + i * 100), "区域" + i, "Region " + i, "prefecture",
                    String.format("%06d", 110000 + (i / 20) * 10000), 20 + rnd.nextDouble(25), 90 + rnd.nextDouble(30),
                    100_000 + rnd.nextInt(10_000_000)));
        }
        long pairs = (long) regionsCount * regionsCount;
        int days = (int) Math.max(1, (rows + pairs - 1) / pairs);
        LocalDate start = LocalDate.of(2020, 1, 1);
        Period period = new Period(start, start.plusDays(days - 1));
        FlowTable.Builder b = FlowTable.builder(period, (int) rows);
        long added = 0;
        for (int d = 0; d < days && added < rows; d++) {
            for (int o = 0; o < regionsCount && added < rows; o++) {
                for (int t = 0; t < regionsCount && added < rows; t++) {
                    int trips = k + (int) Math.min(2_000_000, Math.exp(rnd.nextDouble() * 12));
                    String why = b.add(d, o, t, trips);
                    if (why != null) {
                        throw new IllegalStateException(why);
                    }
                    added++;
                }
            }
        }
        BundleInfo info = new BundleInfo("bench-" + rows, "Benchmark Carrier", Instant.parse("2020-06-01T00:00:00Z"),
                period, "day", "prefecture", List.of("trips"), k, 1, BundleManifest.PURPOSE,
                LocalDate.now().plusYears(1));
        return new AggregateDataset(info, new RegionTable(regions), b.build(), Optional.empty());
    }
}
