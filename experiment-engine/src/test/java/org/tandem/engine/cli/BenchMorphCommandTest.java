package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tandem bench morph} once: it finds both faces, makes the continuum and reports its times (no target here). */
class BenchMorphCommandTest {

    @Test
    void itTimesAMorphOfTwoKdefSizedImages() {
        CliRun run = CliRun.ok("bench", "morph", "--repetitions", "1");
        assertThat(run.out()).containsPattern("Morph of two 562 x 762 images, 21 levels: median \\d+ ms, fastest \\d+ ms"
                + " \\(1 runs\\)").contains("faces and landmarks (2 images)").contains("warps and blends (21 levels)");
        assertThat(CliRun.of("bench", "morph", "--repetitions", "0").err()).contains("--repetitions must be at least 1");
    }
}
