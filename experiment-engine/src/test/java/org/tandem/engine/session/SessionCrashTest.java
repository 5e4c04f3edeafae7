package org.tandem.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.data.PostgresTestServer;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/**
 * Kills a session-writing JVM with SIGKILL at seeded random points, then checks that every trial it reported as committed is
 * stored intact, and that resuming completes the plan with each trial exactly once: for an observer that answers like a
 * person (a commit per trial) and like a network (a commit per block, so a kill loses at most the block in hand), into
 * an H2 file and into a PostgreSQL server.
 */
class SessionCrashTest {
    private static final String PROTOCOL = "expression-6way";
    private static final long SEED = 11;

    @ParameterizedTest(name = "{0} into {1}")
    @CsvSource({"HUMAN, h2", "MODEL, h2", "HUMAN, postgresql", "MODEL, postgresql"})
    void everyCommittedTrialSurvivesSigkillAndResumeCompletesThePlanOnce(ObserverKind kind, String database,
                                                                         @TempDir Path dir) throws Exception {
        StoreOptions db = database.equals("postgresql")
                ? PostgresTestServer.options(PostgresTestServer.shared().newDatabase())
                : StoreOptions.at(dir.resolve("crash.mv.db"));
        Protocol protocol = BuiltinProtocols.resolve(PROTOCOL).read();
        TrialPlan plan = Planner.plan(protocol, SEED);
        List<String> labels = protocol.task().labels().stream().map(Task.ResponseOption::label).toList();
        Random killPoints = new Random(20261122L);

        // reports after the final chunk's first could end the session before the kill arrives
        List<Integer> ends = chunkEnds(plan);
        int lastStart = kind == ObserverKind.MODEL ? ends.get(ends.size() - 2) : plan.size() - 1;

        // first run: killed after a random number of reported commits
        int killAfter = 20 + killPoints.nextInt(lastStart / 2);
        Set<Integer> reported = runAndKill(db, kind, killAfter, List.of());
        String sessionId = onlySessionId(db);
        int stored = assertCommittedTrialsIntact(db, kind, sessionId, reported, plan, labels);

        // second run: resumed, and killed again
        int secondKill = 1 + killPoints.nextInt(Math.max(1, (lastStart - stored) / 2));
        Set<Integer> reportedAgain = runAndKill(db, kind, secondKill, List.of(sessionId));
        assertThat(reported).doesNotContainAnyElementsOf(reportedAgain);
        reported.addAll(reportedAgain);
        assertCommittedTrialsIntact(db, kind, sessionId, reported, plan, labels);

        // third run: resumed to the end, unless the second kill landed only after the last chunk's commit, which
        // completes a network's session together with its last trials (a loaded machine can be that slow to kill)
        if (kind == ObserverKind.HUMAN || status(db, sessionId) != SessionStatus.COMPLETED) {
            Process last = child(db, kind, List.of(sessionId));
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).isZero();
        }

        try (TandemStore store = TandemStore.open(db)) {
            List<TrialRecord> records = store.trials(sessionId);
            assertThat(records).hasSize(plan.size());
            assertThat(records.stream().map(r -> r.trial().index()).distinct().count()).isEqualTo(plan.size());
            for (TrialRecord record : records) {
                assertThat(record.trial()).isEqualTo(plan.trial(record.trial().index()));
                assertThat(record.response().answer()).isEqualTo(RuleObserver.expectedAnswer(labels, record.trial()));
            }
            SessionSummary summary = store.sessions().get(0);
            assertThat(summary.status()).isEqualTo(SessionStatus.COMPLETED);
        }
    }

    /** @return how many trials are stored */
    private static int assertCommittedTrialsIntact(StoreOptions db, ObserverKind kind, String sessionId, Set<Integer> reported,
                                                    TrialPlan plan, List<String> labels) {
        try (TandemStore store = TandemStore.open(db)) {
            List<TrialRecord> records = store.trials(sessionId);
            Set<Integer> stored = new HashSet<>();
            for (TrialRecord record : records) {
                assertThat(stored.add(record.trial().index())).as("no duplicate of trial %d", record.trial().index()).isTrue();
                assertThat(record.trial()).isEqualTo(plan.trial(record.trial().index()));
                assertThat(record.response().answer()).isEqualTo(RuleObserver.expectedAnswer(labels, record.trial()));
                assertThat(record.response().rtMs()).isEqualTo(100.0 + record.trial().index());
            }
            assertThat(stored).containsAll(reported);
            // commits are sequential, so what is stored is a prefix of the plan: no gaps where a trial got lost
            for (int index = 0; index < stored.size(); index++) {
                assertThat(stored).contains(index);
            }
            if (kind == ObserverKind.MODEL) {
                assertThat(chunkEnds(plan)).as("a network's session stops at the end of a committed chunk")
                        .contains(stored.size());
            }
            return stored.size();
        }
    }

    /** Where a network's commits end: after each block and every {@link ModelCommits#MAX_TRIALS} trials within one. */
    static List<Integer> chunkEnds(TrialPlan plan) {
        List<Integer> ends = new ArrayList<>();
        int held = 0;
        for (int i = 0; i < plan.size(); i++) {
            held++;
            if (i + 1 == plan.size() || ModelCommits.endsChunk(held, plan.trial(i), plan.trial(i + 1))) {
                ends.add(i + 1);
                held = 0;
            }
        }
        return ends;
    }

    private static Set<Integer> runAndKill(StoreOptions db, ObserverKind kind, int killAfter, List<String> resume)
            throws Exception {
        Process process = child(db, kind, resume);
        Set<Integer> reported = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    reported.add(Integer.parseInt(line.substring(10).trim()));
                    if (reported.size() == killAfter) {
                        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                        break;
                    }
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reported).as("the child was killed mid-session").hasSize(killAfter);
        return reported;
    }

    private static Process child(StoreOptions db, ObserverKind kind, List<String> resume) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                CrashingSessionMain.class.getName(), db.name(), PROTOCOL, Long.toString(SEED), kind.name()));
        command.addAll(resume);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (db.onServer()) {
            builder.environment().put("PGPASSWORD", db.password());
        }
        return builder.start();
    }

    private static SessionStatus status(StoreOptions db, String sessionId) {
        try (TandemStore store = TandemStore.open(db)) {
            return store.sessions(SessionFilter.session(sessionId)).get(0).status();
        }
    }

    private static String onlySessionId(StoreOptions db) {
        try (TandemStore store = TandemStore.open(db)) {
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).hasSize(1);
            return sessions.get(0).sessionId();
        }
    }
}
