package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.record.TrialRecord;

/** A database written by the Tandem of schema version 1 (src/test/resources/schema-v1) opens with this one. */
class SchemaUpgradeTest {
    @TempDir
    Path dir;

    private Path copyOfTheOldDatabase() throws Exception {
        Path file = dir.resolve("old.mv.db");
        try (InputStream in = getClass().getResourceAsStream("/schema-v1/tandem-v1.mv.db")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void readingLeavesItAtVersionOneAndWritingUpgradesItKeepingEveryRow() throws Exception {
        Path file = copyOfTheOldDatabase();
        byte[] before = Files.readAllBytes(file);
        List<SessionSummary> sessions;
        List<TrialRecord> trials;
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(file))) {
            sessions = store.sessions();
            trials = store.trials(SessionFilter.all());
            assertThat(store.demographics("P01")).contains(new Demographics(29, "female", "left"));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(sessions).hasSize(2);
        assertThat(trials).hasSize(85);
        IntegrityReport old = TandemStore.check(StoreOptions.at(file));
        assertThat(old.clean()).as(old.problems().toString()).isTrue();
        assertThat(old.schemaVersion()).isEqualTo(1);
        assertThat(old.notes()).anyMatch(n -> n.contains("schema version 1"));

        try (TandemStore store = TandemStore.open(StoreOptions.at(file))) {
            assertThat(store.sessions()).isEqualTo(sessions);
            assertThat(store.trials(SessionFilter.all())).isEqualTo(trials);
            store.recordEvent(sessions.get(0).sessionId(), "note", "{\"upgraded\":true}");
        }
        IntegrityReport upgraded = TandemStore.check(StoreOptions.at(file));
        assertThat(upgraded.clean()).as(upgraded.problems().toString()).isTrue();
        assertThat(upgraded.schemaVersion()).isEqualTo(StoreVerifier.LATEST_SCHEMA);
        assertThat(upgraded.notes()).isEmpty();
        assertThat(upgraded.rows()).containsEntry("trial", 85L).containsEntry("session", 2L);
        assertThat(dir.resolve("old.seal")).exists();
    }
}
