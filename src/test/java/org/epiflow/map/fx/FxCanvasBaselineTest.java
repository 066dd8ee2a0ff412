package org.epiflow.map.fx;

import org.epiflow.map.FlowRenderingTestAccess;
import org.epiflow.map.Java2DPainter;
import org.epiflow.map.MapScene;
import org.epiflow.map.NaiveScreenBaseline;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The naive JavaFX Canvas baseline of the map benchmark is found by the command line and really draws. */
class FxCanvasBaselineTest {
    @Test
    void isFoundAsAServiceAndTimesEveryScene() throws Exception {
        NaiveScreenBaseline baseline = ServiceLoader.load(NaiveScreenBaseline.class).findFirst().orElseThrow();
        assertThat(baseline).isInstanceOf(FxCanvasBaseline.class);
        MapScene scene = FlowRenderingTestAccess.mixedScene();
        BufferedImage base = new BufferedImage(scene.viewport().width(), scene.viewport().height(),
                BufferedImage.TYPE_INT_ARGB_PRE);
        List<Double> ms = baseline.time(base, List.of(scene, scene), new Java2DPainter(base.createGraphics()));
        assertThat(ms).hasSize(2).allSatisfy(t -> assertThat(t).isPositive());
    }
}
