package org.epiflow.export;

import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.compare.RiskBaseline;
import org.epiflow.analytics.compare.RiskChange;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.Language;
import org.epiflow.map.MapViewport;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15: a risk column's change against a baseline drawn on the diverging scheme, read back from the pixels. */
class RiskHeatmapComparisonTest {
    static final LocalDate FROM = LocalDate.of(2020, 1, 24), TO = LocalDate.of(2020, 1, 30);
    static AggregateDataset data;
    static RiskComparison compared;

    @BeforeAll
    static void run() throws Exception {
        DemoScenario demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED, ExportFixture.NOW);
        data = ExportFixture.data();
        StringWriter csv = new StringWriter();
        demo.cases().writeCsv(csv, "cases");
        CaseTable cases = new CaseCsvReader(data.info().period(), data.regions(), false)
                .read(new StringReader(csv.toString()), "cases.csv");
        RiskOutcome o = RiskModels.run(RiskRequest.of(RiskModel.IMPORTATION, data).withCases(cases)
                .withWindow(FROM, TO, TO));
        BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(o),
                new Period(FROM.minusDays(7), TO.minusDays(7)), Alignment.DATE);
        compared = RiskComparison.run(o, b, null, null);
    }

    static ExportOptions options(ExportHeatmap h) {
        return new ExportOptions().format(ExportFormat.PNG).page(PageSpec.pixels(1400, 1000, 96))
                .language(Language.EN).layers(EnumSet.of(ExportLayer.HEATMAP)).heatmap(h)
                .baseline(ExportBaseline.of(FROM.minusDays(7), TO.minusDays(7), Alignment.DATE));
    }

    /** The most common colour in a 7 × 7 square around a region's centre on the page. */
    static int colourAt(BufferedImage img, PrintLayout l, Region r) {
        double[] s = MapViewport.china(l.frameW(), l.frameH()).lonLatToScreen(r.lon(), r.lat());
        Map<Integer, Integer> count = new java.util.HashMap<>();
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                count.merge(img.getRGB(l.frameX() + (int) s[0] + dx, l.frameY() + (int) s[1] + dy), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void increasesAreRedDecreasesBlueOnTheExportedPage() throws Exception {
        Map<String, RiskChange> change = compared.column("expected_imported", false, false);
        // the largest increase and decrease among regions of a good size (their centre is well inside)
        String up = null, down = null;
        for (var e : change.entrySet()) {
            int i = data.regions().indexOf(e.getKey());
            if (i < 0 || !Double.isFinite(e.getValue().change()) || data.regions().get(i).population() < 4_000_000) {
                continue;
            }
            double c = e.getValue().change();
            if (up == null || c > change.get(up).change()) {
                up = e.getKey();
            }
            if (down == null || c < change.get(down).change()) {
                down = e.getKey();
            }
        }
        assertThat(change.get(up).change()).isPositive();
        assertThat(change.get(down).change()).isNegative();
        ExportHeatmap h = RiskHeatmapComparison.of(compared, "expected_imported", FlowMeasure.CHANGE, false,
                RiskHeatmap.Classification.defaults(), false, Language.EN, null);
        assertThat(h.layer().values().get(up)).isEqualTo(change.get(up).change());
        ExportOptions o = options(h);
        MapPage page = ExportFixture.exporter().pages(o, FROM, TO).get(0);
        PrintLayout l = Exporter.layout(o);
        BufferedImage png = PageRaster.render(l, page);
        int red = colourAt(png, l, data.regions().get(data.regions().indexOf(up)));
        int blue = colourAt(png, l, data.regions().get(data.regions().indexOf(down)));
        assertThat(((red >> 16) & 0xFF) - (red & 0xFF)).as("increase %s is red: %08x", up, red).isGreaterThan(60);
        assertThat((blue & 0xFF) - ((blue >> 16) & 0xFF)).as("decrease %s is blue: %08x", down, blue)
                .isGreaterThan(60);
        // the footer names the baseline, the legend the scale, the unit and the baseline
        assertThat(page.periodLine()).contains("baseline 2020-01-17 – 2020-01-23, aligned by date");
        assertThat(h.legend().get(0).label()).endsWith("or more");
        assertThat(h.legend().get(3).label()).startsWith("about the same");
        assertThat(h.noteLines()).contains("change in the column's unit",
                "baseline 2020-01-17 – 2020-01-23, aligned by date", "Colours symmetric around zero, scale locked.");
        assertThat(h.title()).isEqualTo("Change in Expected imported infections");
    }

    @Test
    void theScaleIsSymmetricAndAProbabilityIsInPercentagePoints() {
        ExportHeatmap h = RiskHeatmapComparison.of(compared, "import_probability", FlowMeasure.CHANGE, false,
                RiskHeatmap.Classification.defaults(), false, Language.ZH, null);
        double[] b = h.layer().breaks();
        assertThat(b).hasSize(6);
        for (int i = 0; i < 3; i++) {
            assertThat(b[i]).isEqualTo(-b[5 - i]);
        }
        assertThat(h.noteLines()).contains("变化（百分点）");
        assertThat(h.title()).endsWith("变化");
        assertThat(h.noteLines()).anySatisfy(n -> assertThat(n).contains("基期 2020-01-17 至 2020-01-23"));
    }

    @Test
    void perCapitaAndPercentAreRefusedWhereTheyMeanNothing() {
        assertThatThrownBy(() -> RiskHeatmapComparison.of(compared, "import_probability", FlowMeasure.CHANGE, true,
                RiskHeatmap.Classification.defaults(), false, Language.EN, null))
                .hasMessageContaining("cannot be shown per 1,000 residents");
        ExportHeatmap pc = RiskHeatmapComparison.of(compared, "expected_imported", FlowMeasure.TRIPS, true,
                RiskHeatmap.Classification.defaults(), false, Language.EN, null);
        assertThat(pc.title()).isEqualTo("Expected imported infections per 1,000 residents");
        assertThat(pc.noteLines()).anySatisfy(n -> assertThat(n).startsWith("per 1,000 residents ("));
        ExportHeatmap alone = RiskHeatmapComparison.perCapita(compared.period(), data, "expected_imported",
                RiskHeatmap.Classification.defaults(), true, Language.ZH);
        assertThat(alone.title()).isEqualTo("每千名常住人口预期输入感染数");
        assertThat(alone.layer().values()).isNotEmpty().allSatisfy((code, v) -> assertThat(v).isNotNegative());
    }
}
