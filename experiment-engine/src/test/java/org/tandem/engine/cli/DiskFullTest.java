package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.record.TrialRecord;

/**
 * A session whose database fills the disk: a real 1700 KiB tmpfs, so the writes fail as they do on a full disk (ENOSPC).
 * Mounting needs root, which CI has; elsewhere the test is skipped and says why.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskStopsTheSessionWithEveryCommittedTrialKeptAndReadableThenItResumes() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root (CI runs as root)");
        Path disk = dir.resolve("small-disk");
        java.nio.file.Files.createDirectories(disk);
        // a network's session is committed 256 trials at a time, so the file grows in steps: 1700 KiB holds the new
        // database and the first block of the 630-trial session but not the second (1.9 MB would hold it all)
        sh("mount", "-t", "tmpfs", "-o", "size=1700k", "tmpfs", disk.toString());
        try {
            Path db = disk.resolve("lab.mv.db");
            CliRun full = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                    "--db", db.toString());
            assertThat(full.exitCode()).isEqualTo(1);
            assertThat(full.err().strip().lines()).hasSize(1);
            assertThat(full.err()).startsWith("tandem: the disk is full (").contains("No space left on device",
                    "everything committed before is kept").doesNotContain("Exception");

            // reading works while the disk is still full
            CliRun list = CliRun.of("sessions", "list", "--db", db.toString());
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(CliRun.of("db", "check", "--db", db.toString()).exitCode()).isZero();
            List<TrialRecord> kept;
            SessionSummary session;
            try (TandemStore store = TandemStore.openForReading(StoreOptions.at(db))) {
                session = store.sessions().get(0);
                kept = store.trials(session.sessionId());
            }
            assertThat(kept).isNotEmpty().hasSizeLessThan(630);
            assertThat(kept).extracting(r -> r.trial().index()).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, kept.size()).boxed().toList());

            sh("mount", "-o", "remount,size=64m", disk.toString()); // space freed
            CliRun resumed = CliRun.of("simulate", "expression-2afc-happy-sad", "--resume", session.sessionId(),
                    "--db", db.toString());
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            try (TandemStore store = TandemStore.openForReading(StoreOptions.at(db))) {
                List<TrialRecord> all = store.trials(session.sessionId());
                assertThat(all).hasSize(630);
                assertThat(all.subList(0, kept.size())).isEqualTo(kept);
                assertThat(store.sessions().get(0).status().code()).isEqualTo("completed");
            }
        } finally {
            sh("umount", disk.toString());
        }
    }

    private static void sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }
}
