package org.epiflow.map;

/** Lets tests in other packages draw the flow-rendering test scene. */
public final class FlowRenderingTestAccess {
    private FlowRenderingTestAccess() {
    }

    public static MapScene mixedScene() {
        return FlowRenderingTest.scene(FlowRenderingTest.mixed(), MapStyle.light().flow(),
                java.util.EnumSet.allOf(MapLayer.class));
    }
}
