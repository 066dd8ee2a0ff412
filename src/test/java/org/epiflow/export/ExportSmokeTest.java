package org.epiflow.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;

class ExportSmokeTest {
    @Test
    void writesEveryFormat() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "export-smoke");
        Files.createDirectories(dir);
        Exporter x = ExportFixture.exporter();
        LocalDate d = ExportFixture.busiestDay();
        for (ExportFormat f : ExportFormat.values()) {
            ExportOptions o = new ExportOptions().format(f).marking("内部资料 仅限疫情防控使用")
                    .layers(EnumSet.allOf(ExportLayer.class));
            if (f == ExportFormat.GIF) {
                o.page(PageSpec.pixels(960, 600, 96));
            }
            if (f == ExportFormat.PNG) {
                o.page(PageSpec.paper(Paper.A4, true, 150));
            }
            long t = System.nanoTime();
            LocalDate to = f.isMultiFrame() ? d.plusDays(2) : d;
            ExportResult r = x.export(o, d, to, dir.resolve("smoke." + f.extension()));
            System.out.printf("%s: %d pages in %d ms (%.0f ms total)%n", f, r.pages(), r.millis(),
                    (System.nanoTime() - t) / 1e6);
        }
    }
}
