package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;

/** A classification task over the {@code identity} factor: its labels name people, and the faces show an expression. */
class IdentityClassificationPlanTest {
    private static String protocol(String factors) {
        return """
                {"format": "tandem-protocol/1", "id": "who", "title": "Who is it",
                 "stimulusSets": [{"name": "varied-faces"}],
                 "task": {"kind": "classification", "factor": "identity", "input": "keys",
                          "labels": [{"label": "01", "key": "1"}, {"label": "02", "key": "2"}, {"label": "03", "key": "3"}]},
                 "factors": [%s],
                 "repetitions": 1, "blocks": [{"name": "main"}], "randomisation": {"order": "random"},
                 "timing": {"fixation": {"ms": 500}, "stimulus": {"ms": 1000}, "iti": {"ms": 500}}}
                """.formatted(factors);
    }

    @Test
    void eachTrialShowsAPersonWithTheExpressionFactorsLevelAndThePersonIsTheAnswer() {
        Protocol p = ProtocolReader.read(protocol("""
                {"name": "identity", "levels": ["01", "02", "03"]},
                {"name": "expression", "levels": ["happy", "sad"]}"""), "who.json");
        List<Trial> trials = Planner.plan(p, null, 1).trials();
        assertThat(trials).hasSize(6);
        for (Trial trial : trials) {
            StimulusRef shown = trial.stimuli().get(0).stimulus();
            assertThat(shown.set()).isEqualTo("varied-faces");
            assertThat(shown.expression()).isEqualTo(trial.levels().get("expression"));
            assertThat(shown.identity()).isEqualTo(trial.levels().get("identity"));
            assertThat(trial.correctAnswer()).isEqualTo(shown.identity());
        }
    }

    @Test
    void withoutAnExpressionFactorTheFacesAreNeutral() {
        Protocol p = ProtocolReader.read(protocol("{\"name\": \"identity\", \"levels\": [\"01\", \"02\", \"03\"]}"), "who.json");
        assertThat(Planner.plan(p, null, 1).trials()).extracting(t -> t.stimuli().get(0).stimulus().id())
                .containsExactlyInAnyOrder("varied-faces/01/neutral", "varied-faces/02/neutral", "varied-faces/03/neutral");
    }

    @Test
    void aPersonNoLabelNamesIsRefusedAsAnIdentity() {
        assertThatThrownBy(() -> ProtocolReader.read(protocol("{\"name\": \"identity\", \"levels\": [\"01\", \"04\"]}"),
                "who.json")).hasMessageContaining("level '04' is not the identity of any label");
    }
}
