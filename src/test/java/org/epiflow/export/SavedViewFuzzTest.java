package org.epiflow.export;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.epiflow.data.workspace.ViewDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target for saved-view JSON files (docs/security.md, "Fuzzing"): any bytes may fail only with
 * {@link IOException} or the {@link IllegalArgumentException} that {@link ViewDefinition#read} declares.
 */
class SavedViewFuzzTest {
    static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("epiflow-fuzz-view", ".json");
            FILE.toFile().deleteOnExit();
            new SavedViewFuzzTest().savedView("{\"version\":1,\"layers\":[\"flows\"]}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void savedView(byte[] json) throws IOException {
        Files.write(FILE, json);
        try {
            ViewDefinition.read(FILE);
        } catch (IOException | IllegalArgumentException expected) {
            // refused: fine
        }
    }
}
