package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A network's session written in chunks: started with its first trials in one write, completed with its last in
 * one write, each chunk all or nothing, every row's check as a trial written alone would have it.
 */
class BlockCommitTest {
    @TempDir
    Path dir;

    @Test
    void aSessionStartedWithItsFirstTrialsAndCompletedWithItsLastTakesOneWriteEach() {
        Path file = dir.resolve("blocks.mv.db");
        NewSession session = Fixtures.model("blocks", 3);
        TrialPlan plan = session.plan();
        int half = plan.size() / 2;
        Fixtures.open(file).close();
        long before = TandemStore.check(Fixtures.options(file)).writes();
        Fixtures.open(file).close();
        long opening = TandemStore.check(Fixtures.options(file)).writes() - before;
        before += opening;
        try (TandemStore store = Fixtures.open(file)) {
            String id = TandemStore.newSessionId();
            assertThat(store.startSessionWith(session, id, answered(plan, 0, half), false)).isEqualTo(id);
            SessionSummary started = store.sessions().get(0);
            assertThat(started.sessionId()).isEqualTo(id);
            assertThat(started.status()).isEqualTo(SessionStatus.RUNNING);
            assertThat(started.trialsDone()).isEqualTo(half);

            store.commitLastTrials(id, answered(plan, half, plan.size()));
            SessionSummary done = store.sessions().get(0);
            assertThat(done.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(store.trials(id)).hasSize(plan.size());
            assertThat(store.events(id).stream().map(SessionEvent::kind)).containsExactly("started", "finished");
        }
        assertThat(TandemStore.check(Fixtures.options(file)).writes() - before - opening).as("one write per chunk")
                .isEqualTo(2);
        assertThat(TandemStore.check(Fixtures.options(file)).problems()).isEmpty();
    }

    @Test
    void aChunkWithAWrongTrialStoresNothingNotEvenTheSessionItWouldStart() {
        Path file = dir.resolve("wrong.mv.db");
        NewSession session = Fixtures.model("blocks", 4);
        TrialPlan plan = session.plan();
        List<AnsweredTrial> chunk = new java.util.ArrayList<>(answered(plan, 0, 10));
        Trial other = Fixtures.plan(5).trial(3);
        chunk.set(3, new AnsweredTrial(other, Fixtures.modelResponse(other)));
        try (TandemStore store = Fixtures.open(file)) {
            assertThatThrownBy(() -> store.startSessionWith(session, TandemStore.newSessionId(), chunk, false))
                    .isInstanceOf(TandemException.class).hasMessageContaining("trial 3");
            assertThat(store.sessions()).isEmpty();
        }
    }

    @Test
    void theLastChunkIsRefusedWholeWhileTrialsAreMissing() {
        Path file = dir.resolve("missing.mv.db");
        NewSession session = Fixtures.model("blocks", 6);
        TrialPlan plan = session.plan();
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSessionWith(session, TandemStore.newSessionId(), answered(plan, 0, 5), false);
            assertThatThrownBy(() -> store.commitLastTrials(id, answered(plan, 10, plan.size())))
                    .isInstanceOf(TandemException.class).hasMessageContaining("cannot be completed");
            assertThat(store.trials(id)).hasSize(5);
            assertThat(store.sessions().get(0).status()).isEqualTo(SessionStatus.RUNNING);
        }
    }

    @Test
    void aSessionIdIsAUuid() {
        try (TandemStore store = Fixtures.open(dir.resolve("id.mv.db"))) {
            assertThatThrownBy(() -> store.startSessionWith(Fixtures.model("blocks", 1), "session-1", List.of(), false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<AnsweredTrial> answered(TrialPlan plan, int from, int to) {
        return plan.trials().subList(from, to).stream()
                .map(t -> new AnsweredTrial(t, Fixtures.modelResponse(t))).toList();
    }
}
