package org.epiflow.map;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.compare.CompareFixtures;
import org.epiflow.data.compare.FlowChange;
import org.epiflow.data.compare.FlowDifference;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The arcs of a comparison map: each arc's state and value follow {@link FlowChange}'s rules (never a made-up 0),
 * the order is largest magnitude first whatever top N is asked for, and arcs without a figure are drawn at the
 * thinnest shown width.
 */
class FlowValuesTest {
    private static final int K = 10;

    /** 30 regions; day 0 the baseline, day 1 the period; random trips, some pairs absent on one side. */
    private static AggregateDataset random(long seed) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            regions.add(new Region(String.format("%06d", 110100 + i * 100), "地" + i, "Place " + i, "prefecture",
                    i < 15 ? "110000" : "310000", 30 + i * 0.2, 110 + i * 0.3, 100_000 + 50_000L * i));
        }
        Random r = new Random(seed);
        int[][] days = new int[2][];
        for (int d = 0; d < 2; d++) {
            List<Integer> row = new ArrayList<>();
            for (int o = 0; o < 30; o++) {
                for (int z = 0; z < 30; z++) {
                    if (o != z && r.nextInt(4) > 0) {
                        row.add(o);
                        row.add(z);
                        row.add(K + r.nextInt(200));
                    }
                }
            }
            days[d] = row.stream().mapToInt(Integer::intValue).toArray();
        }
        return CompareFixtures.data(new RegionTable(regions), K, days);
    }

    private static FlowDifference difference(AggregateDataset d) throws Exception {
        FlowNodes n = FlowNodes.regions(d.regions());
        return FlowDifference.of(d, n, DayRange.of(1), d, n, DayRange.of(0));
    }

    @Test
    void everyArcFollowsTheRulesOfItsPair() throws Exception {
        FlowDifference diff = difference(random(1));
        for (FlowMeasure m : FlowMeasure.values()) {
            FlowValues v = FlowValues.compare(diff, m, null, false, FlowValues.PairFilter.ALL, 0);
            assertThat(v.size()).as(m.toString()).isEqualTo(diff.size());
            for (int i = 0; i < v.size(); i++) {
                FlowChange c = diff.pair(v.arcs().origin(i), v.arcs().destination(i)).orElseThrow();
                FlowValues.State st = v.state(i);
                switch (m) {
                    case TRIPS -> {
                        assertThat(st == FlowValues.State.SHOWN).isEqualTo(c.periodPublished());
                        if (c.periodPublished()) {
                            assertThat(v.value(i)).isEqualTo(c.trips());
                        }
                    }
                    case BASELINE -> {
                        assertThat(st == FlowValues.State.SHOWN).isEqualTo(c.baselinePublished());
                        if (c.baselinePublished()) {
                            assertThat(v.value(i)).isEqualTo(c.baselineTrips());
                        }
                    }
                    case CHANGE -> {
                        assertThat(st).isEqualTo(c.change().suppressed() ? FlowValues.State.SUPPRESSED
                                : FlowValues.State.SHOWN);
                        if (!c.change().suppressed()) {
                            assertThat(v.value(i)).isEqualTo(c.change().value());
                        }
                    }
                    case CHANGE_PERCENT -> {
                        OptionalDouble p = c.changePercent();
                        assertThat(st == FlowValues.State.SHOWN).isEqualTo(p.isPresent());
                        if (!c.baselinePublished()) {
                            assertThat(st).isEqualTo(FlowValues.State.NOT_PUBLISHED);
                        }
                        if (p.isPresent()) {
                            assertThat(v.value(i)).isCloseTo(p.getAsDouble(), within(1e-9));
                        }
                    }
                    default -> throw new AssertionError(m);
                }
                assertThat(v.marked(i)).isEqualTo(m.diverging() && c.includesUnpublished());
            }
        }
    }

    @Test
    void theTopNAreThePrefixOfTheWholeOrderForAnyN() throws Exception {
        FlowDifference diff = difference(random(2));
        for (FlowMeasure m : FlowMeasure.values()) {
            FlowValues all = FlowValues.compare(diff, m, null, false, FlowValues.PairFilter.ALL, 0);
            for (int n : new int[] {1, 7, 100, all.size() - 1, all.size(), all.size() + 5}) {
                FlowValues top = FlowValues.compare(diff, m, null, false, FlowValues.PairFilter.ALL, n);
                assertThat(top.size()).isEqualTo(Math.min(n, all.size()));
                for (int i = 0; i < top.size(); i++) {
                    assertThat(top.arcs().origin(i)).as("%s top %d, arc %d", m, n, i)
                            .isEqualTo(all.arcs().origin(i));
                    assertThat(top.arcs().destination(i)).isEqualTo(all.arcs().destination(i));
                    assertThat(top.state(i)).isEqualTo(all.state(i));
                }
            }
        }
    }

    @Test
    void largestMagnitudeFirstThenShownThenByPair() throws Exception {
        FlowValues v = FlowValues.compare(difference(random(3)), FlowMeasure.CHANGE, null, false,
                FlowValues.PairFilter.ALL, 0);
        long shownFloor = Long.MAX_VALUE;
        for (int i = 0; i < v.size(); i++) {
            if (v.state(i) == FlowValues.State.SHOWN) {
                shownFloor = Math.min(shownFloor, v.arcs().volume(i));
                assertThat(v.arcs().volume(i)).isEqualTo(Math.round(Math.abs(v.value(i)) * FlowValues.UNITS));
            }
        }
        boolean seenNoFigure = false;
        for (int i = 0; i < v.size(); i++) {
            if (v.state(i) != FlowValues.State.SHOWN) {
                seenNoFigure = true;
                // never drawn as zero: at the thinnest width of those with a figure
                assertThat(v.arcs().volume(i)).isEqualTo(shownFloor);
            } else {
                assertThat(seenNoFigure).as("a shown arc after one without a figure, at %d", i).isFalse();
            }
            if (i > 0 && v.state(i) == FlowValues.State.SHOWN) {
                double a = Math.abs(v.value(i - 1)), b = Math.abs(v.value(i));
                assertThat(a).isGreaterThanOrEqualTo(b);
                if (a == b) {
                    long ka = v.arcs().origin(i - 1) * 100L + v.arcs().destination(i - 1);
                    long kb = v.arcs().origin(i) * 100L + v.arcs().destination(i);
                    assertThat(ka).isLessThan(kb);
                }
            }
        }
        assertThat(seenNoFigure).as("the random data has changes below k").isTrue();
    }

    @Test
    void perCapitaIsPerThousandResidentsOfTheOriginOrOfTheDestination() throws Exception {
        AggregateDataset d = CompareFixtures.data(10, new int[] {0, 2, 100}, new int[] {0, 2, 1_200});
        FlowNodes n = FlowNodes.regions(d.regions());
        FlowDifference diff = FlowDifference.of(d, n, DayRange.of(1), d, n, DayRange.of(0));
        PerCapita pc = PerCapita.of(d, n, DayRange.of(1));
        FlowValues out = FlowValues.compare(diff, FlowMeasure.CHANGE, pc, false, FlowValues.PairFilter.ALL, 0);
        // Wuhan (11,000,000 residents) → Beijing (21,000,000): +1,100 trips
        assertThat(out.value(0)).isCloseTo(1_100 / 11_000.0, within(1e-12));
        FlowValues in = FlowValues.compare(diff, FlowMeasure.CHANGE, pc, true, FlowValues.PairFilter.ALL, 0);
        assertThat(in.value(0)).isCloseTo(1_100 / 21_000.0, within(1e-12));
        assertThat(in.perCapita()).isTrue();
        // a change in percent is not divided by residents
        FlowValues pct = FlowValues.compare(diff, FlowMeasure.CHANGE_PERCENT, pc, false,
                FlowValues.PairFilter.ALL, 0);
        assertThat(pct.value(0)).isCloseTo(1_100.0, within(1e-9));
    }

    @Test
    void theFilterKeepsOnlyThePairsAsked() throws Exception {
        FlowDifference diff = difference(random(4));
        FlowValues between = FlowValues.compare(diff, FlowMeasure.TRIPS, null, false,
                (o, z) -> o < 5 && z < 5, 0);
        assertThat(between.size()).isPositive();
        for (int i = 0; i < between.size(); i++) {
            assertThat(between.arcs().origin(i)).isLessThan(5);
            assertThat(between.arcs().destination(i)).isLessThan(5);
        }
    }
}
