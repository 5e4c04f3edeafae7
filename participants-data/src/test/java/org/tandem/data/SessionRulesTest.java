package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/** Duplicates, foreign trials, resume and the completed-session rules, on a real H2 file. */
class SessionRulesTest {
    private static final long SEED = 11;

    @TempDir
    Path dir;
    private Path file;
    private TrialPlan plan;

    @BeforeEach
    void setUp() {
        file = dir.resolve("tandem.mv.db");
        plan = Fixtures.plan(SEED);
    }

    private void commit(TandemStore store, String id, int index) {
        Trial t = plan.trial(index);
        store.commitTrial(id, t, Fixtures.humanResponse(t));
    }

    @Test
    void aSecondRecordOfTheSameTrialIsRefusedAndTheFirstStays() {
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.human("pilot", "P001", SEED));
            Trial t = plan.trial(4);
            Response first = Fixtures.humanResponse(t);
            store.commitTrial(id, t, first);
            Response second = Response.ofHuman("B", 999, first.timing());
            assertThatThrownBy(() -> store.commitTrial(id, t, second))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("trial 4 (" + t.id() + ") of session " + id + " is already recorded")
                    .hasMessageContaining("resume the session");
            assertThat(store.trials(id)).singleElement().extracting(TrialRecord::response).isEqualTo(first);
        }
    }

    @Test
    void onlyTrialsOfTheStoredPlanAreAccepted() {
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.human("pilot", "P001", SEED));
            Trial second = plan.trial(1);
            Trial wrongId = new Trial(0, second.id(), second.block(), second.practice(), second.feedback(),
                    second.breakBefore(), second.levels(), second.stimuli(), second.correctAnswer());
            assertThatThrownBy(() -> store.commitTrial(id, wrongId, Fixtures.humanResponse(wrongId)))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("is '" + plan.trial(0).id() + "' in the stored plan, not '" + second.id() + "'");
            Trial t0 = plan.trial(0);
            Trial altered = new Trial(0, t0.id(), t0.block(), t0.practice(), t0.feedback(), t0.breakBefore(), t0.levels(),
                    t0.stimuli(), "X");
            assertThatThrownBy(() -> store.commitTrial(id, altered, Fixtures.humanResponse(altered)))
                    .isInstanceOf(TandemException.class).hasMessageContaining("differs from the stored plan");
            Trial beyond = new Trial(plan.size(), "extra", "main", false, false, false, t0.levels(), t0.stimuli(), "A");
            assertThatThrownBy(() -> store.commitTrial(id, beyond, Fixtures.humanResponse(beyond)))
                    .isInstanceOf(TandemException.class).hasMessageContaining("is outside the plan");
            assertThatThrownBy(() -> store.commitTrial("no-such-session", t0, Fixtures.humanResponse(t0)))
                    .isInstanceOf(TandemException.class).hasMessageContaining("no session 'no-such-session'");
            assertThat(store.trials(id)).isEmpty();
        }
    }

    @Test
    void resumeReturnsExactlyTheMissingIndicesInPlanOrder() {
        Set<Integer> done = Set.of(0, 1, 2, 5, 8, plan.size() - 1);
        String id;
        try (TandemStore store = Fixtures.open(file)) {
            id = store.startSession(Fixtures.human("pilot", "P001", SEED));
            for (int i : List.of(8, 0, 5, 1, plan.size() - 1, 2)) {
                commit(store, id, i);
            }
            store.finishSession(id, SessionStatus.ABORTED);
            assertThatThrownBy(() -> commit(store, id, 3))
                    .isInstanceOf(TandemException.class).hasMessageContaining("was aborted; resume it");
        }
        try (TandemStore store = Fixtures.open(file)) {
            ResumePoint resume = store.resume(id);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                if (!done.contains(i)) {
                    expected.add(i);
                }
            }
            assertThat(resume.missing()).containsExactlyElementsOf(expected);
            assertThat(resume.next()).hasValue(3);
            assertThat(resume.complete()).isFalse();
            assertThat(resume.plan()).isEqualTo(plan);
            assertThat(resume.plan().sha256()).isEqualTo(plan.sha256());
            assertThat(resume.session().status()).isEqualTo(SessionStatus.RUNNING);
            assertThat(resume.session().endedAt()).isNull();
            assertThat(resume.session().trialsDone()).isEqualTo(done.size());
            assertThat(store.events(id)).extracting(SessionEvent::kind)
                    .containsExactly("started", "finished", "resumed");
            assertThat(store.events(id).get(2).detailJson()).contains("\"previousStatus\":\"aborted\"");
            commit(store, id, 3);
            // a running session left behind by a crash resumes too
            assertThat(store.resume(id).next()).hasValue(4);
        }
    }

    @Test
    void completedSessionRules() {
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.human("pilot", "P001", SEED));
            for (int i = 0; i < plan.size() - 1; i++) {
                commit(store, id, i);
            }
            assertThatThrownBy(() -> store.finishSession(id, SessionStatus.COMPLETED))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("cannot be completed: " + (plan.size() - 1) + " of " + plan.size());
            commit(store, id, plan.size() - 1);
            assertThat(store.resume(id).complete()).isTrue();
            store.finishSession(id, SessionStatus.COMPLETED);

            SessionSummary summary = store.sessions().get(0);
            assertThat(summary.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(summary.endedAt()).isNotNull();
            assertThat(summary.trialsDone()).isEqualTo(plan.size());

            assertThatThrownBy(() -> store.resume(id))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("is completed").hasMessageContaining("cannot be resumed");
            assertThatThrownBy(() -> commit(store, id, 0))
                    .isInstanceOf(TandemException.class).hasMessageContaining("is completed");
            assertThatThrownBy(() -> store.finishSession(id, SessionStatus.ABORTED))
                    .isInstanceOf(TandemException.class).hasMessageContaining("already completed");
            assertThatThrownBy(() -> store.finishSession(id, SessionStatus.RUNNING))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void abortingIsAllowedWithAnyNumberOfTrials() {
        try (TandemStore store = Fixtures.open(file)) {
            String none = store.startSession(Fixtures.human("pilot", "P001", SEED));
            store.finishSession(none, SessionStatus.ABORTED);
            String some = store.startSession(Fixtures.model("pilot", SEED));
            commit(store, some, 0);
            store.finishSession(some, SessionStatus.ABORTED);
            assertThat(store.sessions()).extracting(SessionSummary::status)
                    .containsExactly(SessionStatus.ABORTED, SessionStatus.ABORTED);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = Fixtures.STORE_PROPERTY, matches = "postgresql", disabledReason = "changes the H2 file directly; PostgresStoreTest does so on the server")
    void aStoredPlanThatNoLongerMatchesItsHashIsRefused() throws Exception {
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.human("pilot", "P001", SEED));
            commit(store, id, 0);
            // a second connection of this JVM to the same embedded database alters the stored plan
            H2Connector.Target target = H2Connector.target(StoreLocation.of(file), null);
            Properties info = new Properties();
            info.setProperty("user", target.user());
            info.setProperty("password", target.password());
            try (Connection c = new org.h2.Driver().connect(target.url(), info);
                 PreparedStatement ps = c.prepareStatement(
                         "UPDATE session SET plan_json = REPLACE(plan_json, '\"main\"', '\"mainX\"') WHERE session_id = ?")) {
                ps.setString(1, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> store.resume(id))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("does not match its SHA-256")
                    .hasMessageContaining("restore it from a backup");
            assertThatThrownBy(() -> store.trials(id))
                    .isInstanceOf(TandemException.class).hasMessageContaining("does not match its SHA-256");
        }
    }
}
