package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;

/** tandem db merge on real store files: what it prints, and how it exits. */
class DbMergeCommandTest {

    @Test
    void mergesTwoStoresIntoANewOneAndASecondRunFindsNothingNew(@TempDir Path dir) {
        Path a = dir.resolve("a.mv.db");
        Path b = dir.resolve("b.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(a);
        SessionsAndExportCommandsTest.writeTwoSessions(b);
        Path target = dir.resolve("all.mv.db");

        CliRun first = CliRun.ok("db", "merge", a.toString(), b.toString(), "--db", target.toString());
        assertThat(first.out().lines()).containsExactly(
                a + ": 2 new, 0 extended, 0 already present",
                b + ": 2 new, 0 extended, 0 already present",
                "Merged 2 store files into " + target + ": 4 new, 0 extended, 0 already present");
        assertThat(CliRun.ok("db", "check", "--db", target.toString()).out()).contains("Healthy");
        assertThat(CliRun.ok("sessions", "list", "--db", target.toString()).out().lines()
                .filter(l -> l.contains("expression-abx"))).hasSize(4);

        CliRun again = CliRun.ok("db", "merge", a.toString(), "--db", target.toString());
        assertThat(again.out()).isEqualTo(a + ": 0 new, 0 extended, 2 already present\n"
                + "Merged 1 store file into " + target + ": 0 new, 0 extended, 2 already present\n");
    }

    @Test
    void refusalsAreOneLineWithExitStatusOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("all.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(target);
        Path damaged = dir.resolve("damaged.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(damaged);
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length / 2));
        byte[] before = Files.readAllBytes(target);

        for (String[] refused : new String[][] {
                {target.toString(), "into itself"},
                {damaged.toString(), damaged + " is damaged: "},
                {dir.resolve("none.mv.db").toString(), "no Tandem database at " + dir.resolve("none.mv.db")}}) {
            CliRun run = CliRun.of("db", "merge", refused[0], "--db", target.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(refused[1]).doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(CliRun.of("db", "merge", "--db", target.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void encryptedStoresMergeWithTheirPasswords(@TempDir Path dir) {
        Path plain = dir.resolve("plain.mv.db");
        SessionsAndExportCommandsTest.writeTwoSessions(plain);
        Path secret = dir.resolve("secret.mv.db");
        try (TandemStore store = TandemStore.open(new StoreOptions(secret, "s3cret"))) {
            store.ensureStudy("pilot");
        }

        CliRun wrong = CliRun.of("db", "merge", plain.toString(), "--db", secret.toString(), "--db-password", "s3cret");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().strip().lines()).hasSize(1);
        CliRun merged = CliRun.ok("db", "merge", plain.toString(), "--source-password=", "--db", secret.toString(),
                "--db-password", "s3cret");
        assertThat(merged.out()).contains(": 2 new, 0 extended, 0 already present");
        assertThat(CliRun.ok("db", "check", "--db", secret.toString(), "--db-password", "s3cret").out())
                .contains("Healthy");
    }

    @Test
    void helpDescribesTheCommandWithAnExampleInShortLines() {
        CliRun help = CliRun.ok("db", "merge", "--help");
        assertThat(help.out()).contains("Usage: tandem db merge", "SOURCE...", "already there", "Example:",
                "--source-password");
        assertThat(help.out().lines()).allMatch(line -> line.length() <= 78);
    }
}
