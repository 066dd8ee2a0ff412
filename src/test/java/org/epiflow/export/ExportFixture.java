package org.epiflow.export;

import org.epiflow.data.demo.DemoScenario;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.model.AggregateDataset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The demo scenario and basemap, generated once per test JVM. */
final class ExportFixture {
    static final String OFFICER = "0123456789abcdef";
    static final String FINGERPRINT = "1A2B-3C4D-5E6F-7A8B";
    static final Instant NOW = Instant.parse("2020-02-01T08:30:00Z");
    private static AggregateDataset data;
    private static BasemapGeometry basemap;

    private ExportFixture() {
    }

    static synchronized AggregateDataset data() {
        if (data == null) {
            data = DemoScenario.generate(DemoScenario.DEFAULT_SEED, NOW).dataset();
        }
        return data;
    }

    static synchronized BasemapGeometry basemap() {
        if (basemap == null) {
            try {
                basemap = new BasemapGeometry(BasemapLoader.loadFromClasspath());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return basemap;
    }

    static ExportSource source() {
        AggregateDataset d = data();
        return new ExportSource(d, basemap(), d.info().bundleId(), d.info().issuer(), FINGERPRINT, OFFICER);
    }

    static Exporter exporter() {
        return new Exporter(source(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The day with the most trips. */
    static LocalDate busiestDay() {
        AggregateDataset d = data();
        int best = 0;
        for (int i = 1; i < d.flows().dayCount(); i++) {
            if (d.flows().totalTrips(i) > d.flows().totalTrips(best)) {
                best = i;
            }
        }
        return d.info().period().day(best);
    }
}
