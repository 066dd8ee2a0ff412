package org.epiflow.bench;

import org.epiflow.map.geo.BasemapLoader;

import java.io.PrintWriter;

/** Times loading the offline basemap layers (the first run is the cold start of this JVM). */
public final class BasemapBench {
    private final int runs;

    public BasemapBench(int runs) {
        this.runs = runs;
    }

    public void run(PrintWriter out) throws Exception {
        BasemapLoader.bench(runs).forEach(out::println);
    }
}
