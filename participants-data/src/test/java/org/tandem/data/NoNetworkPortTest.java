package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.plan.TrialPlan;

/** The store is embedded only: opening and using it adds no listening TCP socket to this process. */
class NoNetworkPortTest {
    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    @TempDir
    Path dir;

    @Test
    void openingAndUsingTheStoreOpensNoListeningSocket() throws IOException {
        assumeTrue(Files.isReadable(TCP_TABLES.get(0)) && Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        Set<String> before = ownListeningSockets();
        try (TandemStore store = Fixtures.open(dir.resolve("tandem.mv.db"))) {
            String id = store.startSession(Fixtures.human("pilot", "P001", 1));
            TrialPlan plan = Fixtures.plan(1);
            store.commitTrial(id, plan.trial(0), Fixtures.humanResponse(plan.trial(0)));
            assertThat(store.trials(id)).hasSize(1);
            assertThat(ownListeningSockets()).isEqualTo(before);
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().contains("TCP Server") || t.getName().contains("H2 Server"));
        }
        assertThat(ownListeningSockets()).isEqualTo(before);
    }

    /** Inodes of sockets in LISTEN state (0A) that belong to this process's file descriptors. */
    private static Set<String> ownListeningSockets() throws IOException {
        Set<String> listening = new HashSet<>();
        for (Path table : TCP_TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A")) {
                    listening.add(f[9]);
                }
            }
        }
        Set<String> own = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        String inode = target.substring(8, target.length() - 1);
                        if (listening.contains(inode)) {
                            own.add(inode);
                        }
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        return own;
    }
}
