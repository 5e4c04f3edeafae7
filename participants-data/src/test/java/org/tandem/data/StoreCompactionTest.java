package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

class StoreCompactionTest {
    @TempDir
    Path dir;

    @Test
    void compactionShrinksTheFileAndKeepsEveryTrial() {
        Path file = dir.resolve("tandem.mv.db");
        TrialPlan plan = Fixtures.plan(3);
        List<TrialRecord> before;
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.model("sim", 3));
            for (int i = 0; i < plan.size(); i++) {
                store.commitTrial(id, plan.trial(i), Fixtures.modelResponse(plan.trial(i)));
            }
            store.finishSession(id, SessionStatus.COMPLETED);
            before = store.trials(id);
        }
        StoreCompaction.Result result = StoreCompaction.compact(StoreOptions.at(file));
        assertThat(result.bytesAfter()).isLessThan(result.bytesBefore());
        try (TandemStore store = Fixtures.open(file)) {
            assertThat(store.trials(before.get(0).session().sessionId())).isEqualTo(before);
            assertThat(store.sessions().get(0).status()).isEqualTo(SessionStatus.COMPLETED);
        }
    }

    @Test
    void compactingAMissingDatabaseIsAnError() {
        assertThatThrownBy(() -> StoreCompaction.compact(StoreOptions.at(dir.resolve("none.mv.db"))))
                .isInstanceOf(TandemException.class).hasMessageContaining("nothing to compact");
    }
}
