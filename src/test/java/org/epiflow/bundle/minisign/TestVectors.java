package org.epiflow.bundle.minisign;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates shared conformance vectors under {@code ${epiflow.shared}/testdata/vectors}; skips the test if absent. */
final class TestVectors {

    private TestVectors() {
    }

    static Path require(String relative) {
        String shared = System.getProperty("epiflow.shared");
        Path p = shared == null ? null : Path.of(shared, "testdata", "vectors").resolve(relative);
        if (p == null || !Files.isRegularFile(p)) {
            String msg = "test vectors " + relative + " not found (system property epiflow.shared="
                    + shared + ")";
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        return p;
    }
}
