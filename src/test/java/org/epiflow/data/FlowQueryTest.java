package org.epiflow.data;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FlowQueryTest {
    static final int K = 10;

    /**
     * Regions: 0 = 110100 Beijing (parent 110000), 1 = 120100 Tianjin (parent 120000), 2 = 130100 Shijiazhuang (no
     * parent → 130000), 3 = 130200 Tangshan (parent 130000). Days 2020-01-06 (Monday) … 2020-01-13 (8 days).
     */
    static AggregateDataset data() {
        List<Region> regions = List.of(
                new Region("110100", "北京", "Beijing", "prefecture", "110000", 39.9, 116.4, 1000),
                new Region("120100", "天津", "Tianjin", "prefecture", "120000", 39.1, 117.2, 500),
                new Region("130100", "石家庄", "Shijiazhuang", "prefecture", "", 38.0, 114.5, 300),
                new Region("130200", "唐山", "Tangshan", "prefecture", "130000", 39.6, 118.2, 100));
        Period p = new Period(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 13));
        FlowTable.Builder b = FlowTable.builder(p, 32);
        // day 0
        add(b, 0, 0, 0, 500); // internal Beijing
        add(b, 0, 0, 1, 100);
        add(b, 0, 0, 2, 40);
        add(b, 0, 1, 0, 90);
        add(b, 0, 2, 3, 30);
        add(b, 0, 3, 2, 20);
        // day 1
        add(b, 1, 0, 1, 60);
        add(b, 1, 1, 0, 55);
        add(b, 1, 2, 0, 15);
        // days 2..7: Beijing → Tianjin 10 each
        for (int d = 2; d < 8; d++) {
            add(b, d, 0, 1, 10);
        }
        BundleInfo info = new BundleInfo("t", "c", Instant.EPOCH, p, "day", "prefecture", List.of("trips"), K, 1,
                "epidemic-prevention", LocalDate.of(2099, 1, 1));
        return new AggregateDataset(info, new RegionTable(regions), b.build(), Optional.empty());
    }

    private static void add(FlowTable.Builder b, int d, int o, int t, int v) {
        assertThat(b.add(d, o, t, v)).isNull();
    }

    @Test
    void oneDaySortedWithTotals() {
        FlowSet s = new FlowQuery(data()).run(FlowSpec.day(0));
        assertThat(s.size()).isEqualTo(5);
        assertThat(flows(s)).containsExactly("0>1:100", "1>0:90", "0>2:40", "2>3:30", "3>2:20");
        LocationTotals t = s.totals();
        assertThat(t.internal(0)).isEqualTo(500);
        assertThat(t.outgoing(0)).isEqualTo(140);
        assertThat(t.incoming(0)).isEqualTo(90);
        assertThat(t.total(0)).isEqualTo(730);
        assertThat(t.net(0).format()).isEqualTo("-50");
        // Shijiazhuang: in 40 + 20 = 60, out 30 → net 30
        assertThat(t.net(2).shown()).hasValue(30);
        // Tangshan: in 30, out 20 → net 10 = k: shown
        assertThat(t.net(3).shown()).hasValue(10);
        assertThat(s.matchedCount()).isEqualTo(5);
        assertThat(s.matchedVolume()).isEqualTo(280);
    }

    @Test
    void rangeSumsTopNAndMinimum() {
        FlowQuery q = new FlowQuery(data());
        FlowSet s = q.run(FlowSpec.range(DayRange.of(0, 1)));
        assertThat(flows(s)).containsExactly("0>1:160", "1>0:145", "0>2:40", "2>3:30", "3>2:20", "2>0:15");
        FlowSet top = q.run(FlowSpec.range(DayRange.of(0, 1)).withTopN(2));
        assertThat(flows(top)).containsExactly("0>1:160", "1>0:145");
        assertThat(top.matchedCount()).isEqualTo(6);
        FlowSet min = q.run(FlowSpec.range(DayRange.of(0, 1)).withMinVolume(30));
        assertThat(flows(min)).containsExactly("0>1:160", "1>0:145", "0>2:40", "2>3:30");
        // whole period: Beijing → Tianjin 100 + 60 + 6 × 10
        FlowSet all = q.run(FlowSpec.range(DayRange.of(0, 7)).withTopN(1));
        assertThat(flows(all)).containsExactly("0>1:220");
        // buffers are reused: the same query again gives the same answer
        assertThat(flows(q.run(FlowSpec.day(0)))).containsExactly("0>1:100", "1>0:90", "0>2:40", "2>3:30",
                "3>2:20");
    }

    @Test
    void otherRangesAndTopN() {
        FlowSet s = new FlowQuery(data()).run(FlowSpec.range(DayRange.of(2, 7)));
        assertThat(flows(s)).containsExactly("0>1:60");
        FlowSet d1 = new FlowQuery(data()).run(FlowSpec.day(1).withTopN(2));
        assertThat(flows(d1)).containsExactly("0>1:60", "1>0:55");
    }

    @Test
    void selectionDirections() {
        FlowQuery q = new FlowQuery(data());
        FlowSpec d0 = FlowSpec.day(0);
        assertThat(flows(q.run(d0.withSelection(Direction.OUTGOING, 2)))).containsExactly("2>3:30");
        assertThat(flows(q.run(d0.withSelection(Direction.INCOMING, 2)))).containsExactly("0>2:40", "3>2:20");
        assertThat(flows(q.run(d0.withSelection(Direction.BOTH, 2)))).containsExactly("0>2:40", "2>3:30", "3>2:20");
        assertThat(flows(q.run(d0.withSelection(Direction.BETWEEN, 2, 3)))).containsExactly("2>3:30", "3>2:20");
        assertThat(q.run(d0.withSelection(Direction.ALL, 2)).size()).isEqualTo(5);
        // an empty selection keeps everything whatever the direction
        assertThat(q.run(d0.withSelection(Direction.INCOMING)).size()).isEqualTo(5);
        // totals ignore the selection
        assertThat(q.run(d0.withSelection(Direction.OUTGOING, 2)).totals().incoming(0)).isEqualTo(90);
    }

    @Test
    void provinceRollUpUsesParentThenCodePrefix() {
        FlowQuery q = new FlowQuery(data());
        FlowSet s = q.run(FlowSpec.day(0).withProvinces(true));
        FlowNodes n = s.nodes();
        assertThat(n.level()).isEqualTo(FlowNodes.Level.PROVINCE);
        assertThat(n.size()).isEqualTo(3);
        assertThat(n.code(n.nodeOfRegion(2))).isEqualTo("130000"); // empty parent → prefix
        assertThat(n.nodeOfRegion(2)).isEqualTo(n.nodeOfRegion(3));
        int bj = n.indexOf("110000"), tj = n.indexOf("120000"), he = n.indexOf("130000");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.volume(s.indexOf(bj, tj))).isEqualTo(100);
        assertThat(s.volume(s.indexOf(tj, bj))).isEqualTo(90);
        assertThat(s.volume(s.indexOf(bj, he))).isEqualTo(40);
        // Hebei's two cities exchange 50 trips: internal after the roll-up
        assertThat(s.totals().internal(he)).isEqualTo(50);
        assertThat(s.totals().internal(bj)).isEqualTo(500);
        // population-weighted position of Hebei: (300·114.5 + 100·118.2) / 400
        assertThat(n.lon(he)).isCloseTo(115.425, org.assertj.core.data.Offset.offset(1e-9));
        // the selection is mapped to provinces: Tangshan selected → all of Hebei
        FlowSet out = q.run(FlowSpec.day(0).withProvinces(true).withSelection(Direction.INCOMING, 3));
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.origin(0)).isEqualTo(bj);
    }

    @Test
    void largerRandomAgreesWithBruteForce() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int regions = 40, days = 5;
        List<Region> rs = new java.util.ArrayList<>();
        for (int i = 0; i < regions; i++) {
            rs.add(new Region(String.format("%02d%02d00", 11 + i / 4, 1 + i % 4), "r" + i, "r" + i, "prefecture", "",
                    30, 110, 1));
        }
        Period p = new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, days));
        FlowTable.Builder b = FlowTable.builder(p, 1000);
        long[][][] m = new long[days][regions][regions];
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < regions; o++) {
                for (int t = 0; t < regions; t++) {
                    if (r.nextInt(3) == 0) {
                        int v = K + r.nextInt(1000);
                        m[d][o][t] = v;
                        add(b, d, o, t, v);
                    }
                }
            }
        }
        BundleInfo info = new BundleInfo("t", "c", Instant.EPOCH, p, "day", "prefecture", List.of("trips"), K, 1,
                "epidemic-prevention", LocalDate.of(2099, 1, 1));
        AggregateDataset data = new AggregateDataset(info, new RegionTable(rs), b.build(), Optional.empty());
        FlowQuery q = new FlowQuery(data);
        FlowSet s = q.run(FlowSpec.range(DayRange.of(1, 3)).withProvinces(true).withTopN(25));
        long[][] pm = new long[10][10];
        for (int d = 1; d <= 3; d++) {
            for (int o = 0; o < regions; o++) {
                for (int t = 0; t < regions; t++) {
                    pm[o / 4][t / 4] += m[d][o][t];
                }
            }
        }
        List<Long> expect = new java.util.ArrayList<>();
        for (int o = 0; o < 10; o++) {
            for (int t = 0; t < 10; t++) {
                if (o != t && pm[o][t] > 0) {
                    expect.add(pm[o][t]);
                }
            }
        }
        expect.sort(java.util.Comparator.reverseOrder());
        assertThat(s.size()).isEqualTo(25);
        for (int i = 0; i < 25; i++) {
            assertThat(s.volume(i)).isEqualTo(expect.get(i));
            int o = Integer.parseInt(s.nodes().code(s.origin(i)).substring(0, 2)) - 11;
            int t = Integer.parseInt(s.nodes().code(s.destination(i)).substring(0, 2)) - 11;
            assertThat(pm[o][t]).isEqualTo(s.volume(i));
        }
    }

    static List<String> flows(FlowSet s) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.origin(i) + ">" + s.destination(i) + ":" + s.volume(i));
        }
        return out;
    }
}
