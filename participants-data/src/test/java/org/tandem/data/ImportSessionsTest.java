package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.TrialPlan;

/** {@link TandemStore#importSessions}: sessions stored whole and completed, or, on any error, none of them. */
class ImportSessionsTest {

    @Test
    void importedSessionsAreCompletedWithEveryTrialAndAnImportedEvent(@TempDir Path dir) {
        try (TandemStore store = Fixtures.open(dir.resolve("a.mv.db"))) {
            List<String> ids = store.importSessions(List.of(imported("P01", 3), imported("P02", 4)));
            assertThat(ids).hasSize(2);
            SessionSummary first = store.sessions(SessionFilter.session(ids.get(0))).get(0);
            assertThat(first.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(first.trialsDone()).isEqualTo(first.trialsPlanned()).isEqualTo(Fixtures.plan(3).size());
            assertThat(store.trials(ids.get(1))).extracting(r -> r.response())
                    .isEqualTo(Fixtures.plan(4).trials().stream().map(Fixtures::humanResponse).toList());
            assertThat(store.events(ids.get(0))).extracting(SessionEvent::kind)
                    .containsExactly("started", "finished", "imported");
        }
        assertThat(TandemStore.check(Fixtures.options(dir.resolve("a.mv.db"))).problems()).isEmpty();
    }

    @Test
    void anErrorInTheLastSessionStoresNoneOfThem(@TempDir Path dir) {
        try (TandemStore store = Fixtures.open(dir.resolve("b.mv.db"))) {
            ImportedSession good = imported("P01", 3);
            NewSession bad = Fixtures.human("lab", "P02", 4);
            TrialPlan plan = bad.plan();
            ImportedSession badCode = new ImportedSession(new NewSession("lab", bad.protocolId(), bad.protocolJson(),
                    bad.protocolSha256(), bad.observerKind(), bad.observerId(), "not a code", 4, null, plan,
                    bad.stationInfo()), responses(plan), "{}");
            assertThatThrownBy(() -> store.importSessions(List.of(good, badCode)))
                    .isInstanceOf(TandemException.class).hasMessageContaining("participant code 'not a code'");
            assertThat(store.sessions()).isEmpty();
            assertThat(store.studies()).isEmpty();
        }
    }

    private static ImportedSession imported(String participant, long seed) {
        NewSession session = Fixtures.human("lab", participant, seed);
        return new ImportedSession(session, responses(session.plan()), "{\"import_tool\": \"psychopy\"}");
    }

    private static List<Response> responses(TrialPlan plan) {
        return plan.trials().stream().map(Fixtures::humanResponse).toList();
    }
}
