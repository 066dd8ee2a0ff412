package org.epiflow.bundle.age;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/testdata/vectors; skips (with a printed notice) when absent. */
final class SharedVectors {
    private SharedVectors() {
    }

    static Path dir(String sub) {
        String shared = System.getProperty("epiflow.shared");
        Path p = shared == null ? null : Path.of(shared, "testdata", "vectors", sub);
        if (p == null || !Files.isDirectory(p)) {
            System.out.println("SKIPPED: test vectors not found at " + p + " (set -Depiflow.shared)");
            Assumptions.abort("test vectors not available: " + p);
        }
        return p;
    }
}
