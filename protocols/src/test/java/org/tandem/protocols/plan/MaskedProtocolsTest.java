package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.Problem;

/**
 * Ying et al.'s feature masks: the masked two-AFC protocols are the unmasked one with a mask on its set and the unmasked
 * one named as their baseline, so people and networks answer the same trials, only with a face part covered.
 */
class MaskedProtocolsTest {
    private static final String BASELINE = "expression-2afc-happy-sad";

    @Test
    void eachMaskedProtocolCoversOnePartAndNamesTheUnmaskedOneAsItsBaseline() {
        assertThat(BuiltinProtocols.MASKED).hasSize(3);
        List<String> masks = BuiltinProtocols.MASKED.stream().map(name -> {
            Protocol p = BuiltinProtocols.resolve(name).read();
            assertThat(p.id()).isEqualTo(name);
            assertThat(p.analysis().baseline()).isEqualTo(BASELINE);
            assertThat(p.taskStimulusSet().name()).isEqualTo("varied-faces");
            assertThat(name).endsWith("-mask-" + p.taskStimulusSet().mask());
            return p.taskStimulusSet().mask();
        }).toList();
        assertThat(masks).containsExactlyElementsOf(Protocol.StimulusSet.MASKS);
        assertThat(BuiltinProtocols.NAMES).containsAll(BuiltinProtocols.MASKED).containsAll(BuiltinProtocols.DEMO);
    }

    @Test
    void peopleAndNetworksAnswerTheUnmaskedProtocolsTrialsForEverySeed() {
        Protocol baseline = BuiltinProtocols.resolve(BASELINE).read();
        for (String name : BuiltinProtocols.MASKED) {
            Protocol masked = BuiltinProtocols.resolve(name).read();
            for (String variant : new String[] {null, "networks"}) {
                for (long seed : new long[] {1, 7}) {
                    TrialPlan a = Planner.plan(baseline, variant, seed);
                    TrialPlan b = Planner.plan(masked, variant, seed);
                    assertThat(b.trials()).as("%s %s %d", name, variant, seed)
                            .containsExactlyElementsOf(a.trials());
                }
            }
            assertThat(Planner.plan(masked, "networks", 1).trials()).extracting(t -> t.levels().get("happiness"))
                    .containsOnly("0", "5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60", "65",
                            "70", "75", "80", "85", "90", "95", "100")
                    .hasSize(21 * 30);
            // the mask and the baseline are part of what the session stores, so the two are told apart by their hash
            assertThat(Planner.protocolSha256(masked)).isNotEqualTo(Planner.protocolSha256(baseline));
        }
    }

    @Test
    void anUnknownPartAndABaselineThatCannotPairAreRefusedWhereWrittenAndAMaskedFolderIsPlanned() {
        String json = BuiltinProtocols.resolve("expression-2afc-happy-sad-mask-eyes").json();
        assertThat(problem(json.replace("\"mask\": \"eyes\"", "\"mask\": \"ears\"")).path())
                .isEqualTo("$.stimulusSets[0].mask");
        // photographs are masked where their landmarks put the part (the engine finds them), so a folder may be masked
        Protocol folder = ProtocolReader.read(json.replace("\"identity\": \"average\", \"mask\"",
                "\"identity\": \"average\", \"path\": \"faces\", \"mask\""), "edited.json");
        assertThat(folder.taskStimulusSet().mask()).isEqualTo("eyes");
        assertThat(PlannedStimuli.of(folder)).extracting(StimulusRef::id).hasSize(21)
                .contains("varied-faces/average/sad-happy@0", "varied-faces/average/sad-happy@5");
        Problem own = problem(json.replace("\"baseline\": \"expression-2afc-happy-sad\"",
                "\"baseline\": \"expression-2afc-happy-sad-mask-eyes\""));
        assertThat(own.path()).isEqualTo("$.analysis.baseline");
        assertThat(own.message()).contains("its own baseline");
    }

    @Test
    void aProtocolWithoutABaselineKeepsItsHash() {
        Protocol p = BuiltinProtocols.resolve(BASELINE).read();
        Protocol withAnalysis = ProtocolReader.read(BuiltinProtocols.resolve(BASELINE).json().replace(
                "\"breaks\"", "\"analysis\": {\"sigmoid\": \"logistic\"},\n  \"breaks\""), "x.json");
        // an analysis block without a baseline hashes as it did before baselines existed: no "baseline": null
        assertThat(p.analysis()).isNull();
        assertThat(org.tandem.protocols.CanonicalJson.mapper().valueToTree(withAnalysis).get("analysis").has("baseline"))
                .isFalse();
        assertThat(org.tandem.protocols.CanonicalJson.mapper().valueToTree(p).get("stimulusSets").get(0).has("mask"))
                .isFalse();
    }

    private static Problem problem(String json) {
        try {
            ProtocolReader.read(json, "edited.json");
        } catch (InvalidProtocolException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("the edited protocol was accepted");
    }
}
