package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.record.TrialRecord;

/**
 * {@code tandem simulate} runs a masked protocol on the real face-api expression network into a real H2 file: the
 * session is stored complete under the masked protocol's hash, and the network answered the masked faces (its outputs
 * differ from the unmasked protocol's on the same trials).
 */
class SimulateMaskedCommandTest {

    @Test
    void theEyesMaskedTwoAfcIsStoredAndAnsweredOnTheMaskedFaces(@TempDir Path dir) {
        Path db = dir.resolve("masks.mv.db");
        CliRun masked = CliRun.ok("simulate", "expression-2afc-happy-sad-mask-eyes", "--observer", "faceapi:expression",
                "--variant", "networks", "--db", db.toString());
        assertThat(masked.out()).contains("P(happy) by happiness:",
                "Simulated 1 session(s) of expression-2afc-happy-sad-mask-eyes (networks)");
        CliRun unmasked = CliRun.ok("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--variant", "networks", "--db", db.toString());

        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            SessionSummary s = store.sessions(SessionFilter.session(masked.sessionId())).get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(s.protocolId()).isEqualTo("expression-2afc-happy-sad-mask-eyes");
            assertThat(s.protocolSha256()).isEqualTo(Planner.protocolSha256(
                    BuiltinProtocols.resolve("expression-2afc-happy-sad-mask-eyes").read()));
            assertThat(s.variant()).isEqualTo("networks");
            assertThat(s.trialsDone()).isEqualTo(630).isEqualTo(s.trialsPlanned());
            Map<String, List<Double>> eyes = outputs(store.trials(SessionFilter.session(masked.sessionId())));
            Map<String, List<Double>> whole = outputs(store.trials(SessionFilter.session(unmasked.sessionId())));
            // the same trials, one for one, answered on other pixels
            assertThat(eyes.keySet()).isEqualTo(whole.keySet()).hasSize(630);
            assertThat(eyes.get("main:happiness=50#1")).isNotEqualTo(whole.get("main:happiness=50#1"));
        }
    }

    private static Map<String, List<Double>> outputs(List<TrialRecord> records) {
        Map<String, List<Double>> out = new TreeMap<>();
        records.forEach(r -> out.put(r.trial().id(), r.response().output().values()));
        return out;
    }
}
