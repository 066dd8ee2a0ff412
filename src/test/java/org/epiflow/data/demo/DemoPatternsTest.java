package org.epiflow.data.demo;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The patterns the demo promises are really in what the analyst sees (and in the hidden truth). */
class DemoPatternsTest {
    static DemoScenario s;
    static FlowTable flows;
    static Period period;

    @BeforeAll
    static void generate() {
        s = DemoScenario.generate(DemoScenario.DEFAULT_SEED, Instant.parse("2024-06-01T08:00:00Z"));
        flows = s.dataset().flows();
        period = flows.period();
    }

    static int day(LocalDate date) {
        return (int) (date.toEpochDay() - period.start().toEpochDay());
    }

    static double meanTotal(LocalDate from, LocalDate to, boolean weekend) {
        return IntStream.rangeClosed(day(from), day(to))
                .filter(d -> isWeekend(period.day(d)) == weekend)
                .mapToLong(flows::totalTrips).average().orElseThrow();
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Test
    void weekendsCarryFewerTripsThanWeekdays() {
        LocalDate[][] quietWeeks = {{LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 9)},
                {LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 8)},
                {LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 15)},
                {LocalDate.of(2020, 3, 16), LocalDate.of(2020, 3, 22)}};
        for (LocalDate[] w : quietWeeks) {
            assertThat(meanTotal(w[0], w[1], true)).as("weekend of " + w[0])
                    .isLessThan(0.93 * meanTotal(w[0], w[1], false));
        }
    }

    /** Published trips out of / into the exodus hubs (not counting trips between hubs) on one day. */
    static long[] hubOutIn(int day) {
        MobilityModel m = s.mobility().model();
        long out = 0;
        long in = 0;
        for (int r = flows.firstRow(day); r < flows.endRow(day); r++) {
            boolean fromHub = m.isHub(flows.origin(r));
            boolean toHub = m.isHub(flows.destination(r));
            if (fromHub && !toHub) {
                out += flows.trips(r);
            } else if (toHub && !fromHub) {
                in += flows.trips(r);
            }
        }
        return new long[] {out, in};
    }

    static long[] hubOutIn(LocalDate from, LocalDate to) {
        long[] sum = new long[2];
        for (int d = day(from); d <= day(to); d++) {
            long[] x = hubOutIn(d);
            sum[0] += x[0];
            sum[1] += x[1];
        }
        return sum;
    }

    @Test
    void bigCitiesSendMigrantsHomeBeforeTheFestivalAndGetThemBackAfter() {
        long[] ordinaryWeek = hubOutIn(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 8));
        long[] lastWeekBefore = hubOutIn(LocalDate.of(2020, 1, 17), LocalDate.of(2020, 1, 23));
        assertThat(lastWeekBefore[0]).as("hub outflow, week before the festival vs an ordinary week")
                .isGreaterThan((long) (1.3 * ordinaryWeek[0]));
        assertThat(lastWeekBefore[0]).as("hubs send out more than they receive before the festival")
                .isGreaterThan((long) (1.3 * lastWeekBefore[1]));
        long[] after = hubOutIn(DemoCalendar.FESTIVAL.plusDays(5), DemoCalendar.END);
        assertThat(after[1]).as("hubs receive more than they send after the festival")
                .isGreaterThan((long) (1.1 * after[0]));
        // the hubs' residents fall over the exodus and partly come back
        int shenzhen = s.dataset().regions().indexOf("440300");
        long before = s.mobility().residents(day(LocalDate.of(2020, 1, 9)), shenzhen);
        long eve = s.mobility().residents(day(DemoCalendar.FESTIVAL.minusDays(1)), shenzhen);
        long end = s.mobility().residents(day(DemoCalendar.END), shenzhen);
        assertThat(eve).isLessThan((long) (0.9 * before));
        assertThat(end).isGreaterThan(eve).isLessThan(before);
    }

    @Test
    void totalTripsDropSharplyWhenRestrictionsStartAndRecoverPartially() {
        LocalDate r = DemoCalendar.RESTRICTIONS;
        double weekBefore = average(r.minusDays(7), r.minusDays(1));
        double weekAfter = average(r, r.plusDays(6));
        double firstWeek = average(DemoCalendar.START, DemoCalendar.START.plusDays(6));
        double lastWeek = average(DemoCalendar.END.minusDays(6), DemoCalendar.END);
        assertThat(weekAfter).isLessThan(0.4 * weekBefore);
        assertThat(flows.totalTrips(day(r))).isLessThan(flows.totalTrips(day(r) - 1) / 2);
        assertThat(lastWeek).isGreaterThan(1.5 * weekAfter).isLessThan(0.8 * firstWeek);
    }

    static double average(LocalDate from, LocalDate to) {
        return IntStream.rangeClosed(day(from), day(to)).mapToLong(flows::totalTrips).average().orElseThrow();
    }

    @Test
    void theEpidemicStartsInTheSeedCity() {
        RegionTable regions = s.dataset().regions();
        int seed = regions.indexOf(EpidemicParameters.DEFAULT_SEED_REGION);
        assertThat(s.infections().firstDay(seed)).isZero();
        assertThat(s.cases().firstDay(seed)).isNotNegative();
        for (int i = 0; i < regions.size(); i++) {
            if (i != seed) {
                assertThat(s.infections().firstDay(i)).as(regions.get(i).code()).isNotZero();
                int first = s.cases().firstDay(i);
                assertThat(first < 0 || first >= s.cases().firstDay(seed)).isTrue();
            }
        }
        assertThat(s.cases().totalFor(seed)).isGreaterThan(s.cases().total() / 3);
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoScenario.DEFAULT_SEED, 1, 2})
    void wellConnectedCitiesAreReachedBeforePoorlyConnectedOnes(long seedValue) {
        DemoScenario x = seedValue == DemoScenario.DEFAULT_SEED ? s
                : DemoScenario.generate(seedValue, Instant.parse("2024-06-01T08:00:00Z"));
        Mobility m = x.mobility();
        int seed = x.dataset().regions().indexOf(EpidemicParameters.DEFAULT_SEED_REGION);
        int n = x.dataset().regions().size();
        long[] link = new long[n];
        for (int d = 0; d < m.days(); d++) {
            for (int p = 0; p < m.model().pairCount(); p++) {
                if (m.model().origin(p) == seed) {
                    link[m.model().destination(p)] += m.trips(d, p);
                }
            }
        }
        List<Integer> linked = new ArrayList<>();
        List<Integer> unlinked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != seed && x.dataset().regions().get(i).population() > 0) {
                (link[i] > 0 ? linked : unlinked).add(i);
            }
        }
        linked.sort((a, b) -> Long.compare(link[b], link[a]));
        double wellConnected = medianArrival(x, linked.subList(0, 15));
        double poorlyConnected = medianArrival(x, unlinked);
        assertThat(wellConnected).as("median arrival day, 15 best-linked to the seed city").isLessThan(20);
        assertThat(wellConnected).isLessThan(poorlyConnected - 10);
    }

    static double medianArrival(DemoScenario x, List<Integer> regions) {
        double[] days = regions.stream().mapToDouble(i -> {
            int d = x.infections().firstDay(i);
            return d < 0 ? Double.POSITIVE_INFINITY : d;
        }).sorted().toArray();
        return days[days.length / 2];
    }

    @Test
    void aRegionWithNoInflowNeverGetsCases() {
        RegionTable regions = s.dataset().regions();
        int[] isolated = IntStream.range(0, regions.size()).filter(i -> s.mobility().totalInflow(i) == 0).toArray();
        assertThat(Arrays.stream(isolated).mapToObj(i -> regions.get(i).code()))
                .as("Taiwan is outside the carrier's network").contains(DemoRegions.TAIWAN);
        for (int i : isolated) {
            assertThat(s.infections().totalFor(i)).isZero();
            assertThat(s.cases().totalFor(i)).isZero();
        }
    }

    @Test
    void reportedCasesAreAFractionOfInfectionsAndLagThem() {
        double ratio = (double) s.cases().total() / s.infections().total();
        assertThat(ratio).isBetween(0.15, 0.3);
        int peakInfections = peak(s.infections());
        int peakCases = peak(s.cases());
        assertThat(peakCases).isGreaterThan(peakInfections + 3);
    }

    static int peak(DailyCounts c) {
        return IntStream.range(0, c.period().days()).boxed()
                .max((a, b) -> Long.compare(c.totalOn(a), c.totalOn(b))).orElseThrow();
    }
}
