package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;

/** A database open in another process is refused at once with a message naming the way out. */
class StoreLockTest {
    @TempDir
    Path dir;

    @Test
    void aStoreOpenInAnotherProcessIsReportedImmediately() throws Exception {
        Path file = dir.resolve("tandem.mv.db");
        try (ChildJvm child = ChildJvm.start(dir.resolve("child.err"), HoldStoreMain.class, file.toString())) {
            assertThat(child.readLine()).as("child output; see %s", dir.resolve("child.err")).isEqualTo("OPEN");

            long start = System.nanoTime();
            assertThatThrownBy(() -> Fixtures.open(file))
                    .isInstanceOf(TandemException.class)
                    .hasMessageStartingWith(file.toAbsolutePath() + " is in use by another Tandem process (")
                    .hasMessageEndingWith("); close it or use another --db")
                    .hasMessageNotContaining("\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            if (Files.isReadable(Path.of("/proc/locks"))) {
                assertThatThrownBy(() -> Fixtures.open(file)).hasMessageContaining("pid " + child.pid());
            }
            child.kill();
        }
        // the lock dies with its process
        try (TandemStore store = Fixtures.open(file)) {
            assertThat(store.studies()).containsExactly("held");
        }
    }
}
