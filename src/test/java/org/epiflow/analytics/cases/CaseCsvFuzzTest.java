package org.epiflow.analytics.cases;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the bureau's {@code cases.csv} (docs/security.md, "Fuzzing"): any bytes may fail only with
 * {@link CaseImportException} or {@link IOException}.
 */
class CaseCsvFuzzTest {
    static final RegionTable REGIONS = new RegionTable(TestDatasets.regions());
    static final Period PERIOD = new Period(TestDatasets.START, TestDatasets.START.plusDays(20));

    static {
        // load and instrument everything once before fuzzing (an input may take at most 1 s)
        try {
            new CaseCsvFuzzTest().cases("date,region,cases\n2020-01-10,420100,41\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void cases(byte[] file) throws IOException {
        for (boolean cumulative : new boolean[] {false, true}) {
            try {
                new CaseCsvReader(PERIOD, REGIONS, cumulative).read(new InputStreamReader(
                        new ByteArrayInputStream(file), StandardCharsets.UTF_8), "cases.csv");
            } catch (CaseImportException expected) {
                // refused: fine
            }
        }
    }
}
