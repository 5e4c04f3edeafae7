package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;

/** tandem db check, backup and restore, --backup-dir, and commands that only read, on real H2 files. */
class DbCommandsTest {

    /** The bytes and modification time of the database and its seal. */
    private record FileState(byte[] database, FileTime databaseTime, byte[] seal, FileTime sealTime) {
        static FileState of(Path db) throws Exception {
            Path seal = db.resolveSibling(db.getFileName().toString().replace(".mv.db", ".seal"));
            return new FileState(Files.readAllBytes(db), Files.getLastModifiedTime(db), Files.readAllBytes(seal),
                    Files.getLastModifiedTime(seal));
        }

        boolean sameAs(FileState other) {
            return Arrays.equals(database, other.database) && databaseTime.equals(other.databaseTime)
                    && Arrays.equals(seal, other.seal) && sealTime.equals(other.sealTime);
        }
    }

    @Test
    void commandsThatOnlyReadLeaveTheFilesBytesAndTimeUnchanged(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("study.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(db);
        FileState before = FileState.of(db);
        Thread.sleep(20); // a write would now leave a later modification time
        List<String[]> commands = List.of(
                new String[] {"sessions", "list", "--db", db.toString()},
                new String[] {"export", "--db", db.toString(), "--out", dir.resolve("export").toString()},
                new String[] {"analyze", "--db", db.toString(), "--out", dir.resolve("report").toString(),
                        "--bootstrap", "50"},
                new String[] {"db", "check", "--db", db.toString()},
                new String[] {"db", "backup", "--db", db.toString(), "--to", dir.resolve("b.zip").toString()});
        for (String[] command : commands) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode()).as("%s: %s", command[0], run.err()).isZero();
            assertThat(FileState.of(db).sameAs(before)).as("%s %s changed the database", command[0], command[1])
                    .isTrue();
        }
    }

    @Test
    void checkReportsAHealthyDatabaseAndRefusesADamagedOneWithoutChangingIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("study.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(db);
        CliRun healthy = CliRun.of("db", "check", "--db", db.toString());
        assertThat(healthy.exitCode()).as(healthy.err()).isZero();
        assertThat(healthy.out()).contains("schema version 5", "trial 83", "session 2", "Healthy");

        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, Arrays.copyOf(bytes, bytes.length / 2)); // cut short, as by a failed copy
        byte[] damaged = Files.readAllBytes(db);
        CliRun check = CliRun.of("db", "check", "--db", db.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("Problems (");
        assertThat(check.err().strip().lines()).hasSize(1);
        assertThat(check.err()).contains("is damaged").doesNotContain("Exception");
        for (String[] command : List.of(new String[] {"sessions", "list"},
                new String[] {"export", "--out", dir.resolve("out").toString()},
                new String[] {"db", "backup", "--to", dir.resolve("b.zip").toString()})) {
            String[] args = concat(command, "--db", db.toString());
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("is damaged: ", "the file was not changed").doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    @Test
    void aBackupRestoresWhatItHeldAndARestoreKeepsTheFileItReplaces(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("study.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(db);
        String listed = CliRun.of("sessions", "list", "--db", db.toString()).out();
        Path backup = dir.resolve("backups/study.zip");
        CliRun made = CliRun.of("db", "backup", "--db", db.toString(), "--to", backup.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("2 sessions, 83 trials; checked");
        assertThat(CliRun.of("db", "backup", "--db", db.toString(), "--to", backup.toString()).err())
                .contains("exists already");

        byte[] bytes = Files.readAllBytes(db);
        byte[] damaged = Arrays.copyOf(bytes, 8192);
        Files.write(db, damaged);
        assertThat(CliRun.of("sessions", "list", "--db", db.toString()).err()).contains("is damaged");

        CliRun refused = CliRun.of("db", "restore", "--from", backup.toString(), "--db", db.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("exists; restoring would replace it", "--force");
        CliRun restored = CliRun.of("db", "restore", "--from", backup.toString(), "--db", db.toString(), "--force");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("2 sessions, 83 trials; checked");
        assertThat(CliRun.of("sessions", "list", "--db", db.toString()).out()).isEqualTo(listed);
        assertThat(CliRun.of("db", "check", "--db", db.toString()).exitCode()).isZero();
        try (var files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("study.replaced-")
                    && f.getFileName().toString().endsWith(".mv.db")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(damaged);
        }
        // the restored database takes new sessions
        try (TandemStore store = TandemStore.open(StoreOptions.at(db))) {
            store.ensureStudy("after-restore");
        }
        assertThat(CliRun.of("db", "check", "--db", db.toString()).exitCode()).isZero();
    }

    @Test
    void simulateKeepsTheNewestBackupsAfterEachSession(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sweep.mv.db");
        Path backups = dir.resolve("backups");
        CliRun run = CliRun.of("simulate", "expression-abx", "--observer",
                "faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1", "--sessions", "3", "--db",
                db.toString(), "--backup-dir", backups.toString(), "--keep-backups", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Backup: ", "3 sessions, 216 trials; checked");
        try (var files = Files.list(backups)) {
            List<Path> zips = files.sorted().toList();
            assertThat(zips).hasSize(2).allMatch(z -> z.getFileName().toString().startsWith("sweep-"));
            CliRun restored = CliRun.of("db", "restore", "--from", zips.get(1).toString(), "--db",
                    dir.resolve("restored.mv.db").toString());
            assertThat(restored.out()).contains("3 sessions, 216 trials");
        }
    }

    @Test
    void dbPasswordWithoutAValueIsReadFromTheTerminal(@TempDir Path dir) {
        Path db = dir.resolve("secret.mv.db");
        try (TandemStore store = TandemStore.open(new StoreOptions(db, "typed-secret"))) {
            store.ensureStudy("pilot");
        }
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("typed-secret\n".getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("db", "check", "--db", db.toString(), "--db-password");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Healthy");
        } finally {
            System.setIn(stdin);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
