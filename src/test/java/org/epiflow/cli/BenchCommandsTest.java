package org.epiflow.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every benchmark runs from the command line on a tiny input and prints its headline figure (not timed). */
class BenchCommandsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bench risk --regions 30 --days 20 --partners 5 --runs 10 | SEIR deterministic 30 × 20",
            "bench map --arcs 200 --day-rows 1000 --days 2 --frames 2 --width 640 --height 360 | time-slider step",
            "bench map --arcs 200 --day-rows 1000 --days 9 --frames 2 --width 640 --height 360 | time-slider step with a comparison",
            "bench workspace --entries 300 --appends 20 --runs 1 | full verification of 302 entries",
            "bench basemap --runs 1 | basemap load #1",
    })
    void printsItsFigure(String args, String expected) {
        CliHarness.Run r = CliHarness.run(args.trim().split(" +"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(expected.trim());
    }
}
