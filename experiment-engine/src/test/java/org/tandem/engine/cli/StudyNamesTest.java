package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;

/**
 * Study names follow the rule of participant codes, so neither can start a formula when an export is opened in a
 * spreadsheet: checked by the command line before anything runs, and by the store.
 */
class StudyNamesTest {
    private static final String RULE = "use 1 to 32 letters, digits, '_' or '-', not starting with '-'";
    private static final List<String> BAD = List.of("=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "pilot study", "",
            "é", "a".repeat(33));
    private static final List<String> GOOD = List.of("demo", "simulations", "default", "pilot-2025", "_lab",
            "a".repeat(32), "2025");

    @Test
    void simulateAndRunRefuseABadStudyNameBeforeTouchingTheDatabase(@TempDir Path dir) {
        Path db = dir.resolve("study");
        CliRun simulate = CliRun.of("simulate", "expression-abx", "--observer", "faceapi:expression",
                "--study==1+1", "--db", db.toString());
        assertThat(simulate.exitCode()).isEqualTo(1);
        assertThat(simulate.err()).isEqualTo("tandem: study name '=1+1' is not valid; " + RULE
                + " (e.g. --study pilot-2025)\n");
        CliRun run = CliRun.of("run", "expression-abx", "--participant", "P1", "--study=-lab", "--db", db.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: study name '-lab' is not valid; " + RULE
                + " (e.g. --study pilot-2025)\n");
        assertThat(Files.exists(dir.resolve("study.mv.db"))).isFalse();
    }

    @Test
    void theStoreHoldsStudiesAndParticipantsToOneRule(@TempDir Path dir) {
        try (TandemStore store = TandemStore.open(new StoreOptions(dir.resolve("rule"), null))) {
            for (String name : BAD) {
                assertThatThrownBy(() -> store.ensureStudy(name)).as(name).isInstanceOf(TandemException.class)
                        .hasMessage("study name '" + name + "' is not valid; " + RULE + " (e.g. --study pilot-2025)");
                assertThatThrownBy(() -> store.ensureParticipant(name, null)).as(name)
                        .isInstanceOf(TandemException.class).hasMessageStartingWith("participant code '" + name
                                + "' is not valid; " + RULE + " (");
            }
            for (String name : GOOD) {
                store.ensureStudy(name);
                store.ensureParticipant(name, null);
            }
            assertThat(store.studies()).containsAll(GOOD);
        }
    }
}
