package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.record.TrialRecord;

/**
 * Lesioned and weight-shuffled expression networks answering the built-in protocols through {@code tandem simulate},
 * stored like any observer and compared with the intact network by {@code tandem analyze}: the real network, the real
 * built-in faces (the reference identities choose the selective units) and a real H2 file.
 */
class LesionedObserversCommandTest {
    private static final String INTACT = "faceapi:expression";
    private static final String SELECTIVE = "faceapi:expression?lesion=expression-selective&layer=dense3";
    private static final String RANDOM = "faceapi:expression?lesion=random&layer=dense3&fill=mean&seed=1";

    @Test
    void lesionedNetworksAnswerTheProtocolAndTheReportComparesThemWithTheIntactOne(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("lesions.mv.db");
        for (String observer : List.of(INTACT, "faceapi:expression?layer=dense3&lesion=selective", RANDOM)) {
            CliRun run = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", observer, "--db",
                    db.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        CliRun sixWay = CliRun.of("simulate", "expression-6way", "--observer", SELECTIVE, "--db", db.toString());
        assertThat(sixWay.exitCode()).as(sixWay.err()).isZero();
        assertThat(CliRun.of("simulate", "expression-6way", "--observer", INTACT, "--db", db.toString()).exitCode())
                .isZero();

        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            assertThat(store.sessions(SessionFilter.all()).stream().map(s -> s.observerId()).distinct())
                    .containsExactlyInAnyOrder(INTACT, SELECTIVE, RANDOM);
            // silencing the expression-selective units of the last block takes the happy answers away, as many
            // random units barely do
            assertThat(pHappyAtFullHappiness(store, SELECTIVE)).isLessThan(pHappyAtFullHappiness(store, INTACT) - 0.5);
            assertThat(pHappyAtFullHappiness(store, RANDOM)).isGreaterThan(0.5);
        }

        Path out = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--out", out.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        JsonNode manipulations = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("manipulations");
        List<String> rows = new ArrayList<>();
        for (JsonNode m : manipulations) {
            assertThat(m.get("intact").asText()).isEqualTo(INTACT);
            rows.add(m.get("protocolId").asText() + " " + m.get("manipulated").asText() + " " + m.get("measure").asText());
        }
        assertThat(rows).containsExactlyInAnyOrder("expression-2afc-happy-sad " + RANDOM + " PSE",
                "expression-2afc-happy-sad " + SELECTIVE + " PSE", "expression-6way " + SELECTIVE + " accuracy");
        for (JsonNode m : manipulations) {
            if (m.get("manipulated").asText().equals(RANDOM)) {
                assertThat(m.get("change").asDouble()).isEqualTo(m.get("value").asDouble()
                        - m.get("intactValue").asDouble());
                assertThat(m.get("ciLow").asDouble()).isLessThanOrEqualTo(m.get("change").asDouble());
            }
            if (m.get("measure").asText().equals("accuracy")) {
                assertThat(m.get("change").asDouble()).isNegative();
            }
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Lesioned and shuffled networks");
        assertThat(Files.readAllLines(out.resolve("manipulations.csv"))).hasSize(4);
    }

    @Test
    void aLesionOfALayerTheNetworkLacksIsOneClearLine(@TempDir Path dir) {
        CliRun run = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer",
                "faceapi:expression?lesion=selective&layer=dense9", "--db", dir.resolve("x.mv.db").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).doesNotContain("\n").contains("has no layer 'dense9'");
    }

    private static double pHappyAtFullHappiness(TandemStore store, String observer) {
        String session = store.sessions(SessionFilter.all()).stream()
                .filter(s -> s.observerId().equals(observer) && s.protocolId().equals("expression-2afc-happy-sad"))
                .findFirst().orElseThrow().sessionId();
        List<TrialRecord> records = store.trials(SessionFilter.session(session));
        return records.stream().filter(r -> r.trial().numericLevel("happiness") == 100.0)
                .mapToDouble(r -> r.response().output().values().get(r.response().output().labels()
                        .indexOf("task:happy"))).average().orElseThrow();
    }
}
