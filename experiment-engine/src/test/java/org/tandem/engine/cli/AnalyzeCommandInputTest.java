package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;

/** Bad input to {@code tandem analyze}: one line saying what to do, exit status 1. */
class AnalyzeCommandInputTest {
    @Test
    void aMissingDatabaseIsOneLine(@TempDir Path dir) {
        CliRun run = CliRun.of("analyze", "--db", dir.resolve("none.mv.db").toString(), "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no Tandem database at", "none.mv.db");
    }

    @Test
    void aDatabaseWithoutSessionsIsOneLine(@TempDir Path dir) {
        Path db = dir.resolve("empty.mv.db");
        TandemStore.open(new StoreOptions(db, null)).close();
        CliRun run = CliRun.of("analyze", "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no recorded trials", "tandem simulate");
    }

    @Test
    void anUnknownStudyIsOneLine(@TempDir Path dir) {
        Path db = dir.resolve("s.mv.db");
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            store.ensureStudy("pilot");
        }
        CliRun run = CliRun.of("analyze", "--db", db.toString(), "--study", "main", "--out", dir.resolve("o").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no study 'main'", "pilot");
    }
}
