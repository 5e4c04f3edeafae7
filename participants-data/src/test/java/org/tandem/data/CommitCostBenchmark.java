package org.tandem.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * What one durable trial commit costs, and what the cheaper settings would save. Not a test: run it by hand and record
 * the table in README.md with the machine and date.
 *
 * <pre>
 * ./mvnw -q -pl participants-data -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "participants-data/target/test-classes:participants-data/target/classes:$(cat /tmp/cp.txt)" \
 *     org.tandem.data.CommitCostBenchmark [directory] [trials]
 * </pre>
 */
public final class CommitCostBenchmark {
    private static final String INSERT = "INSERT INTO trial (session_id, plan_index, trial_id, block, practice, levels,"
            + " stimuli, correct_answer, response, correct, rt_ms, onset_ns, offset_ns, frames_requested, frames_shown,"
            + " missed_frames, missed_flag, output, recorded_at) VALUES (?, ?, ?, 'main', FALSE, '{\"happiness\":\"40\"}',"
            + " 'A=synthetic-faces/average/sad-happy@40;B=synthetic-faces/average/sad-happy@60;X=synthetic-faces/average/sad-happy@40',"
            + " 'A', 'A', TRUE, 512.5, 1000, 2000, 45, 45, 0, FALSE, NULL, ?)";

    private CommitCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("tandem-bench");
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "%d trial commits per row, database files in %s (%s, Java %s)%n%n", trials, dir,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "| %-62s | %9s | %9s | %9s | %8s |%n", "setting", "median ms", "p95 ms", "mean ms",
                "file KiB");
        System.out.println("|" + "-".repeat(64) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|"
                + "-".repeat(10) + "|");
        raw(dir.resolve("a"), trials, "", null, "H2 default WRITE_DELAY=500, commit (NOT durable: kill loses it)");
        raw(dir.resolve("b"), trials, ";WRITE_DELAY=0;MAX_COMPACT_TIME=0", null,
                "WRITE_DELAY=0, commit (written before return: survives kill)");
        raw(dir.resolve("c"), trials, ";WRITE_DELAY=0;MAX_COMPACT_TIME=0", "CHECKPOINT SYNC",
                "WRITE_DELAY=0, commit + CHECKPOINT SYNC (+ fsync: power loss)");
        store(dir.resolve("d"), trials);
    }

    /** A bare INSERT of a trial row per transaction on the real schema, with the given URL settings and sync statement. */
    private static void raw(Path base, int trials, String settings, String sync, String label) throws Exception {
        String sessionId;
        try (TandemStore store = TandemStore.open(StoreOptions.at(base))) {
            sessionId = store.startSession(Fixtures.model("bench", 1));
        }
        Properties info = new Properties();
        info.setProperty("user", H2Connector.USER);
        info.setProperty("password", "");
        long[] nanos = new long[trials];
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + base.toAbsolutePath() + settings, info);
             PreparedStatement ps = c.prepareStatement(INSERT);
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < trials; i++) {
                long start = System.nanoTime();
                ps.setString(1, sessionId);
                ps.setInt(2, i);
                ps.setString(3, "bench-" + i);
                ps.setObject(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                ps.executeUpdate();
                c.commit();
                if (sync != null) {
                    st.execute(sync);
                }
                nanos[i] = System.nanoTime() - start;
            }
        }
        row(label, nanos, base);
    }

    /** The real thing: TandemStore.commitTrial with its checks, across as many sessions as the trial count needs. */
    private static void store(Path base, int trials) throws Exception {
        long[] nanos = new long[trials];
        try (TandemStore store = TandemStore.open(StoreOptions.at(base))) {
            int done = 0;
            for (long seed = 1; done < trials; seed++) {
                TrialPlan plan = Fixtures.plan(seed);
                String sessionId = store.startSession(Fixtures.human("bench", "P001", seed));
                for (Trial t : plan.trials()) {
                    if (done == trials) {
                        break;
                    }
                    var response = Fixtures.humanResponse(t);
                    long start = System.nanoTime();
                    store.commitTrial(sessionId, t, response);
                    nanos[done++] = System.nanoTime() - start;
                }
            }
        }
        row("TandemStore.commitTrial (+ plan checks, row check, seal fsync)", nanos, base);
    }

    private static void row(String label, long[] nanos, Path base) throws IOException {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.95))] / 1e6;
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        long size = Files.size(base.resolveSibling(base.getFileName() + ".mv.db"));
        System.out.printf(Locale.ROOT, "| %-62s | %9.3f | %9.3f | %9.3f | %8d |%n", label, median, p95, mean, size / 1024);
    }
}
