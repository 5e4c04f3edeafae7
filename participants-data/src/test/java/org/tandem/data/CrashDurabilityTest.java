package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/**
 * A trial is durable once commitTrial has returned: a child JVM commits trials and reports each one, the test kills it
 * with SIGKILL at a seeded random point, reopens the store and finds every reported trial intact; resume continues at the
 * first missing one. Three kills in a row on the same session. Run against PostgreSQL too (see the module's pom).
 */
class CrashDurabilityTest {
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void everyReportedTrialSurvivesSigkill() throws Exception {
        Path file = dir.resolve("tandem.mv.db");
        TrialPlan plan = Fixtures.plan(SEED);
        String sessionId;
        try (TandemStore store = Fixtures.open(file)) {
            sessionId = store.startSession(Fixtures.human("crash", "P001", SEED));
        }
        Random random = new Random(20240611L);
        Set<Integer> reported = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            int killAfter = 3 + random.nextInt(Math.max(1, plan.size() / 4));
            int reportedThisRound = 0;
            try (ChildJvm child = ChildJvm.start(dir.resolve("child-" + round + ".err"), CommitLoopMain.class,
                    Fixtures.options(file).name(), sessionId, java.util.Objects.toString(Fixtures.options(file).password(), ""))) {
                assertThat(child.readLine()).as("see %s", dir.resolve("child-" + round + ".err")).startsWith("RESUMED ");
                String line;
                while (reportedThisRound < killAfter && (line = child.readLine()) != null) {
                    if (line.startsWith("COMMITTED ")) {
                        reported.add(Integer.parseInt(line.substring("COMMITTED ".length())));
                        reportedThisRound++;
                    }
                }
                child.kill();
            }
            assertThat(reportedThisRound).isEqualTo(killAfter);

            try (TandemStore store = Fixtures.open(file)) {
                List<TrialRecord> records = store.trials(sessionId);
                Set<Integer> stored = new HashSet<>();
                for (TrialRecord r : records) {
                    stored.add(r.trial().index());
                    Trial planned = plan.trial(r.trial().index());
                    assertThat(r.trial()).isEqualTo(planned);
                    assertThat(r.response()).isEqualTo(Fixtures.humanResponse(planned));
                }
                assertThat(stored).containsAll(reported);
                // at most the one trial committed after the last report and before the kill is extra
                assertThat(stored.size()).isBetween(reported.size(), reported.size() + 1);
                List<Integer> expectedMissing = new ArrayList<>();
                for (int i = 0; i < plan.size(); i++) {
                    if (!stored.contains(i)) {
                        expectedMissing.add(i);
                    }
                }
                ResumePoint resume = store.resume(sessionId);
                assertThat(resume.missing()).containsExactlyElementsOf(expectedMissing);
                reported.addAll(stored);
            }
        }
    }
}
