package org.epiflow.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epiflow.bundle.BundleManifest;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.CompareFixtures;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Festival export against last year's bundle, {@code --align lunar-new-year}: the week around this year's
 * Lunar New Year is compared with the same days around last year's festival, not with the same calendar dates. If
 * this fails, a user comparing "Spring Festival 2021 with Spring Festival 2020" gets a flows CSV whose
 * {@code baseline_trips}, {@code change} and {@code change_percent} come from the wrong days of last year (up to
 * three weeks off), or a footer / trace naming other baseline dates than the ones used; or a pair below k in the
 * baseline is written as 0.
 *
 * <p>Synthetic bundles of the four test prefectures: Wuhan→Beijing carries {@code 1000 + 10·t} trips in the period
 * and {@code 500 + 10·t} in the baseline, t being the day's distance from its own season's Lunar New Year, so every
 * misalignment by s days moves a day's baseline by 10·s and the week's by 70·s.
 */
class LunarNewYearExportTest {
    static final int K = 10;
    static final String PERIOD_ID = "period-bundle", BASE_ID = "baseline-bundle", BASE_FP = "9F8E-7D6C-5B4A-3928";
    static final int WUHAN = 0, XIAOGAN = 1, BEIJING = 2, SHANGHAI = 3;

    @TempDir
    Path dir;

    /** Days LNY−10 … LNY+10 of one pair, trips = f(t) with t the day's distance from {@code lny}. */
    static AggregateDataset bundle(String id, LocalDate lny, int k, Row... rows) {
        return bundle(id, lny, 10, 10, k, rows);
    }

    /** Days LNY−before … LNY+after. */
    static AggregateDataset bundle(String id, LocalDate lny, int before, int after, int k, Row... rows) {
        Period period = new Period(lny.minusDays(before), lny.plusDays(after));
        FlowTable.Builder b = FlowTable.builder(period, 64);
        for (int d = 0; d < period.days(); d++) {
            int t = d - before;
            for (Row r : rows) {
                int v = r.trips.applyAsInt(t);
                if (v > 0) {   // 0: no published cell that day (fewer than k trips, not in the bundle)
                    assertThat(b.add(d, r.origin, r.destination, v)).isNull();
                }
            }
        }
        BundleInfo info = new BundleInfo(id, "Test carrier", Instant.parse("2026-01-01T00:00:00Z"), period, "day",
                "prefecture", List.of("trips"), k, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1));
        return new AggregateDataset(info, CompareFixtures.REGIONS, b.build(), java.util.Optional.empty());
    }

    /** One origin–destination pair's trips by distance from the Lunar New Year (rows in origin, destination order). */
    record Row(int origin, int destination, IntUnaryOperator trips) {
    }

    static Exporter exporter(AggregateDataset period) {
        ExportSource src = new ExportSource(period, null, PERIOD_ID, "Test carrier", ExportFixture.FINGERPRINT,
                ExportFixture.OFFICER);
        return new Exporter(src, Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
    }

    /** The same calendar dates one year earlier, aligned by the Lunar New Year, read from the baseline bundle. */
    static ExportBaseline lastYear(LocalDate from, LocalDate to, AggregateDataset baseline) {
        return ExportBaseline.of(from.minusYears(1), to.minusYears(1), Alignment.LUNAR_NEW_YEAR)
                .fromBundle(baseline, BASE_ID, BASE_FP);
    }

    static ExportOptions flowsCsv(ExportBaseline b) {
        return new ExportOptions().format(ExportFormat.CSV).table(ExportOptions.TableKind.FLOWS).topN(0)
                .language(Language.EN).baseline(b);
    }

    /** The data rows of a written CSV keyed by the header; the trace's {@code period} comment line. */
    record Csv(List<String> header, List<List<String>> rows, String periodLine) {
        String cell(int row, String column) {
            assertThat(header).contains(column);
            return rows.get(row).get(header.indexOf(column));
        }

        List<String> pair(String origin, String destination) {
            return rows.stream().filter(r -> r.get(header.indexOf("origin_code")).equals(origin)
                    && r.get(header.indexOf("destination_code")).equals(destination)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + origin + "→" + destination + " in " + rows));
        }

        String cell(List<String> row, String column) {
            return row.get(header.indexOf(column));
        }
    }

    static Csv read(Path file) throws Exception {
        List<List<String>> all = TablesTest.readCsv(file);
        String period = Files.readString(file, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("# period"))
                .findFirst().orElse("");
        return new Csv(all.get(0), all.subList(1, all.size()), period);
    }

    static String aligned(LocalDate from, LocalDate to) {
        return "baseline " + from + " – " + to + ", aligned by days from the Lunar New Year";
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            "2019-02-05, 2020, 2020-01-25",
            "2020-01-25, 2021, 2021-02-12",
            "2021-02-12, 2022, 2022-02-01",
            "2022-02-01, 2023, 2023-01-22",
            "2023-01-22, 2024, 2024-02-10",
            "2024-02-10, 2025, 2025-01-29",
    })
    void theWeekAroundSpringFestivalMeetsLastYearsFestivalWeek(LocalDate baseLny, int year, LocalDate lny)
            throws Exception {
        assertThat(lny.getYear()).isEqualTo(year);
        AggregateDataset period = bundle(PERIOD_ID, lny, K, new Row(WUHAN, BEIJING, t -> 1000 + 10 * t));
        AggregateDataset baseline = bundle(BASE_ID, baseLny, K, new Row(WUHAN, BEIJING, t -> 500 + 10 * t));
        Exporter x = exporter(period);
        LocalDate from = lny.minusDays(3), to = lny.plusDays(3);
        LocalDate baseFrom = baseLny.minusDays(3), baseTo = baseLny.plusDays(3);
        // the calendar date a year earlier is not the festival: without the alignment this would be other days
        assertThat(from.minusYears(1)).isNotEqualTo(baseFrom);

        // the week: 7000 trips against 3500
        Path week = dir.resolve("week-" + year + ".csv");
        ExportResult r = x.export(flowsCsv(lastYear(from, to, baseline)), from, to, week);
        assertThat(r.pages()).isEqualTo(1);
        Csv csv = read(week);
        assertThat(csv.header()).containsSequence("trips", "baseline_trips", "change", "change_percent",
                "includes_unpublished");
        assertThat(csv.rows()).hasSize(1);
        assertThat(csv.cell(0, "origin_code")).isEqualTo("420100");
        assertThat(csv.cell(0, "destination_code")).isEqualTo("110100");
        assertThat(csv.cell(0, "trips")).isEqualTo("7000");
        assertThat(csv.cell(0, "baseline_trips")).isEqualTo("3500");
        assertThat(csv.cell(0, "change")).isEqualTo("3500");
        assertThat(csv.cell(0, "change_percent")).isEqualTo("100.0");
        assertThat(csv.cell(0, "includes_unpublished")).isEqualTo("no");
        assertThat(csv.periodLine()).contains(from + " – " + to, aligned(baseFrom, baseTo),
                "baseline bundle " + BASE_ID, BASE_FP);

        // day by day: each day of the week against the day as far from last year's festival
        for (int t = -3; t <= 3; t++) {
            LocalDate day = lny.plusDays(t);
            Path one = dir.resolve("day-" + day + ".csv");
            x.export(flowsCsv(lastYear(day, day, baseline)), day, day, one);
            Csv c = read(one);
            long trips = 1000 + 10L * t, base = 500 + 10L * t;
            assertThat(c.rows()).as(day.toString()).hasSize(1);
            assertThat(c.cell(0, "trips")).as(day + " trips").isEqualTo(Long.toString(trips));
            assertThat(c.cell(0, "baseline_trips")).as(day + " baseline").isEqualTo(Long.toString(base));
            assertThat(c.cell(0, "change")).as(day + " change").isEqualTo(Long.toString(trips - base));
            assertThat(c.cell(0, "change_percent")).as(day + " percent")
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", 100.0 * (trips - base) / base));
            LocalDate bd = baseLny.plusDays(t);
            assertThat(c.periodLine()).as(day.toString()).contains(aligned(bd, bd));
        }

        // the page: the PDF's footer names the aligned baseline (not the requested dates) and the other bundle
        Path pdf = dir.resolve("week-" + year + ".pdf");
        x.export(new ExportOptions().format(ExportFormat.PDF).language(Language.EN)
                .page(PageSpec.pixels(1000, 700, 96)).layers(EnumSet.of(ExportLayer.FLOWS))
                .baseline(lastYear(from, to, baseline)), from, to, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(aligned(baseFrom, baseTo), "baseline bundle " + BASE_ID)
                    .doesNotContain("baseline " + from.minusYears(1));
        }
    }

    /**
     * The fixture can tell the alignments apart: on a baseline bundle that also covers the calendar dates a year
     * earlier, the same request aligned by date or by weekday reads other days than by the Lunar New Year.
     */
    @Test
    void byDateOrWeekdayTheSameRequestReadsOtherDays() throws Exception {
        LocalDate baseLny = LocalDate.of(2020, 1, 25), lny = LocalDate.of(2021, 2, 12);
        AggregateDataset period = bundle(PERIOD_ID, lny, K, new Row(WUHAN, BEIJING, t -> 1000 + 10 * t));
        AggregateDataset baseline = bundle(BASE_ID, baseLny, 10, 30, K, new Row(WUHAN, BEIJING, t -> 500 + 10 * t));
        LocalDate from = lny.minusDays(3), to = lny.plusDays(3);
        Exporter x = exporter(period);
        // requested 2020-02-09 … 2020-02-15: t = 15 … 21 from the 2020 festival; by weekday 2020-02-11 … 17
        String[][] expected = {{"DATE", "4760", "2240", "by date", "2020-02-09 – 2020-02-15"},
                {"WEEKDAY", "4900", "2100", "by weekday", "2020-02-11 – 2020-02-17"},
                {"LUNAR_NEW_YEAR", "3500", "3500", "by days from the Lunar New Year", "2020-01-22 – 2020-01-28"}};
        for (String[] e : expected) {
            ExportBaseline b = ExportBaseline.of(from.minusYears(1), to.minusYears(1), Alignment.valueOf(e[0]))
                    .fromBundle(baseline, BASE_ID, BASE_FP);
            Path out = dir.resolve("align-" + e[0] + ".csv");
            x.export(flowsCsv(b), from, to, out);
            Csv csv = read(out);
            assertThat(csv.cell(0, "trips")).as(e[0]).isEqualTo("7000");
            assertThat(csv.cell(0, "baseline_trips")).as(e[0]).isEqualTo(e[1]);
            assertThat(csv.cell(0, "change")).as(e[0]).isEqualTo(e[2]);
            assertThat(csv.periodLine()).as(e[0]).contains("baseline " + e[4] + ", aligned " + e[3]);
        }
        // the festival's baseline outside the baseline bundle is refused, naming the days, not guessed
        AggregateDataset late = bundle(BASE_ID, baseLny.plusDays(20), K, new Row(WUHAN, BEIJING, t -> 500));
        assertThatThrownBy(() -> x.export(flowsCsv(lastYear(from, to, late)), from, to, dir.resolve("x.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2020-01-22");
    }

    /**
     * Pairs below k in the baseline: never 0. Wuhan→Shanghai has no published cell in the baseline week (fewer than k
     * trips every day, so not in the bundle), Wuhan→Xiaogan lacks one day, Beijing→Wuhan changes by less than k.
     */
    @Test
    void pairsBelowKInTheBaselineAreNotPublishedNeverZero() throws Exception {
        LocalDate baseLny = LocalDate.of(2020, 1, 25), lny = LocalDate.of(2021, 2, 12);
        AggregateDataset period = bundle(PERIOD_ID, lny, K,
                new Row(WUHAN, XIAOGAN, t -> 300),
                new Row(WUHAN, BEIJING, t -> 1000 + 10 * t),
                new Row(WUHAN, SHANGHAI, t -> 200),
                new Row(BEIJING, WUHAN, t -> 400 + (t == 0 ? 1 : 0)));
        AggregateDataset baseline = bundle(BASE_ID, baseLny, K,
                new Row(WUHAN, XIAOGAN, t -> t == 1 ? 0 : 100),
                new Row(WUHAN, BEIJING, t -> 500 + 10 * t),
                new Row(WUHAN, SHANGHAI, t -> 0),
                new Row(BEIJING, WUHAN, t -> 400));
        LocalDate from = lny.minusDays(3), to = lny.plusDays(3);
        Path out = dir.resolve("below-k.csv");
        exporter(period).export(flowsCsv(lastYear(from, to, baseline)), from, to, out);
        Csv csv = read(out);
        assertThat(csv.rows()).hasSize(4);
        for (List<String> row : csv.rows()) {
            for (String column : List.of("trips", "baseline_trips", "change", "change_percent")) {
                assertThat(csv.cell(row, column)).as("%s in %s", column, row).isNotIn("0", "0.0", "-0.0", "");
            }
        }
        List<String> full = csv.pair("420100", "110100");
        assertThat(csv.cell(full, "baseline_trips")).isEqualTo("3500");
        assertThat(csv.cell(full, "includes_unpublished")).isEqualTo("no");

        // no published baseline cell at all: the baseline is "–", so is the percentage, and the row is marked
        List<String> absent = csv.pair("420100", "310100");
        assertThat(csv.cell(absent, "trips")).isEqualTo("1400");
        assertThat(csv.cell(absent, "baseline_trips")).isEqualTo("–");
        assertThat(csv.cell(absent, "change_percent")).isEqualTo("–");
        // its change is written as a figure (1400 = trips − 0, the documented "approximate" change), never "0"
        assertThat(csv.cell(absent, "change")).isNotEqualTo("0");
        assertThat(csv.cell(absent, "includes_unpublished")).isEqualTo("yes");

        // one baseline day unpublished: the sum of the six published days, marked as approximate
        List<String> partly = csv.pair("420100", "420900");
        assertThat(csv.cell(partly, "trips")).isEqualTo("2100");
        assertThat(csv.cell(partly, "baseline_trips")).isEqualTo("600");
        assertThat(csv.cell(partly, "change")).isEqualTo("1500");
        assertThat(csv.cell(partly, "includes_unpublished")).isEqualTo("yes");

        // a change of 1 trip (below k): not published, "< k", and no percentage
        List<String> small = csv.pair("110100", "420100");
        assertThat(csv.cell(small, "trips")).isEqualTo("2801");
        assertThat(csv.cell(small, "baseline_trips")).isEqualTo("2800");
        assertThat(csv.cell(small, "change")).isEqualTo("< " + K);
        assertThat(csv.cell(small, "change_percent")).isEqualTo("–");
        assertThat(csv.cell(small, "includes_unpublished")).isEqualTo("no");
    }
}
