package org.epiflow.export;

import org.epiflow.map.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;

/** Writes sample exports for a look by eye: {@code -Dexport.samples=/some/dir}. */
@EnabledIfSystemProperty(named = "export.samples", matches = ".+")
class VisualSamples {
    @Test
    void write() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("export.samples")));
        Exporter x = ExportFixture.exporter();
        LocalDate d = ExportFixture.busiestDay();
        x.export(new ExportOptions().format(ExportFormat.PNG).language(Language.EN)
                .page(PageSpec.paper(Paper.A4, false, 100)).marking("For official use — aggregate data"),
                d, d, dir.resolve("en-portrait.png"));
        x.export(new ExportOptions().format(ExportFormat.PNG).focusRegion("420100").topN(400)
                .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.LABELS, ExportLayer.SYMBOLS))
                .page(PageSpec.pixels(1280, 720, 96)), d.minusDays(6), d, dir.resolve("wuhan-week.png"));
        x.export(new ExportOptions().format(ExportFormat.PPTX).page(PageSpec.paper(Paper.SLIDE, true, 96)), d, d,
                dir.resolve("slide.pptx"));
        x.export(new ExportOptions().format(ExportFormat.SVG).language(Language.EN), d, d, dir.resolve("en.svg"));
        x.export(new ExportOptions().format(ExportFormat.PPTX).language(Language.EN).marking("For official use — aggregate data")
                .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.HEATMAP, ExportLayer.LABELS, ExportLayer.SYMBOLS)),
                d, d.plusDays(2), dir.resolve("en-heatmap.pptx"));
        x.export(new ExportOptions().format(ExportFormat.PDF).language(Language.EN).marking("For official use — aggregate data")
                .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.HEATMAP, ExportLayer.LABELS, ExportLayer.SYMBOLS)),
                d.minusDays(2), d, dir.resolve("en-heatmap.pdf"));
    }
}
