package org.epiflow.export;

import org.epiflow.export.layout.NorthArrow;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.layout.ScaleBar;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.Language;
import org.epiflow.map.MapViewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Page sizes, layout geometry, scale bar, north arrow, choropleth classes and the saved-view schema. */
class LayoutAndViewTest {
    @TempDir
    Path dir;

    @Test
    void paperSizesAndRasterScale() {
        PageSpec a4 = PageSpec.paper(Paper.A4, true, 300);
        assertThat(a4.pixelWidth()).isEqualTo(3508);
        assertThat(a4.pixelHeight()).isEqualTo(2480);
        assertThat(a4.widthPt()).isCloseTo(841.9, within(0.1));
        PageSpec slide = PageSpec.paper(Paper.SLIDE, false, 96);
        assertThat(slide.width()).isCloseTo(1280, within(0.1));
        assertThat(slide.height()).isCloseTo(720, within(0.1));
        PageSpec px = PageSpec.pixels(1920, 1080, 192);
        assertThat(px.pixelWidth()).isEqualTo(1920);
        assertThat(px.width()).isEqualTo(960);
        assertThatThrownBy(() -> PageSpec.paper(Paper.A3, true, 2000)).hasMessageContaining("dpi");
        assertThatThrownBy(() -> PageSpec.pixels(50_000, 100, 96)).hasMessageContaining("pixels");
    }

    @Test
    void layoutKeepsFrameLegendAndFooterApart() {
        for (PageSpec p : new PageSpec[] {PageSpec.paper(Paper.A4, true, 300), PageSpec.paper(Paper.A4, false, 300),
                PageSpec.paper(Paper.A3, false, 150), PageSpec.pixels(1920, 1080, 96)}) {
            PrintLayout l = PrintLayout.of(p, true, true);
            assertThat(l.frameW()).isPositive();
            assertThat(l.frameH()).isPositive();
            assertThat(l.frameY() + l.frameH()).isLessThanOrEqualTo((int) Math.ceil(l.footerTop()));
            if (p.isLandscape()) {
                assertThat(l.legendX()).isGreaterThan(l.frameX() + l.frameW());
            } else {
                assertThat(l.legendY()).isGreaterThan(l.frameY() + l.frameH());
            }
            assertThat(l.legendX() + l.legendW()).isLessThanOrEqualTo(p.width() - l.margin() + 1);
        }
    }

    @Test
    void scaleBarIsTrueAtTheCentreAndNice() {
        MapViewport v = MapViewport.china(1000, 700);
        ScaleBar b = ScaleBar.of(v, 200);
        assertThat(b.lengthUnits()).isBetween(80.0, 200.0);
        String lead = Long.toString((long) b.metres()).replaceAll("0+$", "");
        assertThat(lead).isIn("1", "2", "5");
        // one degree of latitude is ~111 km: compare with the bar's ground scale along a meridian near the centre
        double[] c = v.screenToLonLat(500, 350);
        double[] a = v.lonLatToScreen(c[0], c[1] - 0.5), z = v.lonLatToScreen(c[0], c[1] + 0.5);
        double px = Math.hypot(z[0] - a[0], z[1] - a[1]);
        assertThat(111_195 / px).isCloseTo(b.metresPerUnit(), within(b.metresPerUnit() * 0.05));
        assertThat(b.label()).endsWith("km");
        assertThat(NorthArrow.angle(v.pan(0, 0))).isCloseTo(0, within(0.1));
        MapViewport west = v.zoom(4).pan(1500, 0);
        double[] cw = west.screenToLonLat(500, 350);
        assertThat(cw[0]).isLessThan(100);
        assertThat(NorthArrow.angle(west)).as("meridians converge: north leans east of up west of 105°E")
                .isGreaterThan(0.02);
    }

    @Test
    void choroplethClassifiesWithItsBreaks() {
        ChoroplethLayer l = new ChoroplethLayer("t", Map.of("110100", 5.0, "310100", 50.0, "420100", 500.0),
                new double[] {10, 100}, ChoroplethLayer.yellowOrangeRed(3));
        assertThat(l.classOf(5)).isZero();
        assertThat(l.classOf(10)).isEqualTo(1);
        assertThat(l.classOf(1000)).isEqualTo(2);
        assertThat(l.colorOf("999999")).isZero();
        assertThat(l.legendEntries(Language.EN)).extracting(e -> e.label())
                .containsExactly("< 10", "10 – 100", "≥ 100");
        assertThat(ChoroplethLayer.quantileBreaks(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5)).hasSize(4);
        assertThatThrownBy(() -> new ChoroplethLayer("t", Map.of(), new double[] {1}, new int[] {1}))
                .hasMessageContaining("one colour more");
    }

    @Test
    void anOlderExportViewFileStillApplies() throws Exception {
        Path f = dir.resolve("v.json");
        Files.writeString(f, """
                {"version": 1, "name": "Wuhan", "extent": {"west": 108.3, "south": 29, "east": 116.2, "north": 33.3},
                 "layers": ["flows", "heatmap"], "filters": {"topN": 2000, "minVolume": 100, "direction": "outgoing",
                 "regions": ["420100"]}, "style": "dark", "language": "en", "future": true}
                """);
        ViewDefinition v = ViewDefinition.read(f);
        ExportOptions o = new ExportOptions().apply(v);
        assertThat(o.topN()).isEqualTo(2000);
        assertThat(o.minVolume()).isEqualTo(100);
        assertThat(o.focusRegion()).isEqualTo("420100");
        assertThat(o.direction()).isEqualTo(org.epiflow.data.Direction.OUTGOING);
        assertThat(o.layers()).containsExactlyInAnyOrder(ExportLayer.FLOWS, ExportLayer.HEATMAP);
        assertThat(o.language()).isEqualTo(Language.EN);
        assertThat(o.style().background()).isEqualTo(org.epiflow.map.MapStyle.dark().background());
        assertThat(o.extent()).isEqualTo(MapExtent.lonLat(108.3, 29, 116.2, 33.3));
        assertThat(o.table()).isEqualTo(ExportOptions.TableKind.PARTNERS);
        // written back in the one format, it reads the same
        assertThat(ViewDefinition.parse(v.toJson())).isEqualTo(v);
        Files.writeString(f, "{\"version\": 2}");
        assertThatThrownBy(() -> ViewDefinition.read(f)).hasMessageContaining("version 2");
        Files.writeString(f, "{\"extent\": {\"west\": 120, \"south\": 29, \"east\": 110, \"north\": 33}}");
        assertThatThrownBy(() -> ViewDefinition.read(f)).hasMessageContaining("west < east");
    }

    @Test
    void glyphFallbackReplacesWhatTheFontCannotDraw() {
        assertThat(Glyphs.displayable("北京 100")).isEqualTo("北京 100");
        // the en dash is kept (drawn as the hyphen lengthened), other missing characters replaced
        assertThat(Glyphs.displayable("1 – 2 ☃")).isEqualTo("1 – 2 ?");
        assertThat(Glyphs.hasSynthetic("1 – 2")).isTrue();
        java.awt.Font f = org.epiflow.map.Java2DPainter.baseFont().deriveFont(20f);
        assertThat(Glyphs.width("1 – 2", f)).isGreaterThan(Glyphs.width("1 - 2", f));
    }

    @Test
    void everyOverlayOfTheLayerRegistryCanBeSwitchedInAnExport() {
        for (var l : org.epiflow.map.layer.SceneLayers.standard()) {
            if (l.kind() == org.epiflow.map.layer.SceneLayer.Kind.OVERLAY) {
                assertThat(ExportLayer.of(l)).as(l.name()).isNotNull();
            } else {
                assertThat(ExportLayer.of(l)).as(l.name()).isNull();
            }
        }
        // the export draws the registry's layers in the registry's order, basemap layers always
        var names = ExportLayer.sceneLayers(java.util.EnumSet.of(ExportLayer.LABELS, ExportLayer.HEATMAP)).stream()
                .map(org.epiflow.map.layer.SceneLayer::name).toList();
        assertThat(names).containsExactly("basemap", "heatmap", "density", "provinces", "labels");
    }
}
