package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.protocols.BuiltinProtocols;

/**
 * The plan of every built-in protocol with seed 7 is fixed to the byte: stored plans, resumed sessions and model runs on
 * other machines depend on it. If a deliberate change to the planner or a built-in protocol changes a plan, check the new
 * plan (BuiltinPlansTest) and record the new hash here; such a change also makes old sessions' plans differ from new ones.
 */
class GoldenPlanTest {
    private static final long SEED = 7;

    static Stream<Arguments> goldenPlans() {
        return Stream.of(
                Arguments.of("expression-2afc-happy-sad", null, 216,
                        "412ad5ebdab633657463f5bb83cd798cf12ae73d5f67e919161bf10a03270bbc"),
                Arguments.of("expression-2afc-happy-sad", "networks", 630,
                        "fa860d9b509f444820256615c594ab7396bd3ba7bc17d7013e7bc07c39b95b15"),
                Arguments.of("expression-6way", null, 294,
                        "701bfc1f2e60a6788a7954da56b7f2a7d2b2f34f6fc7e7793ccdda91673ab056"),
                Arguments.of("expression-6way", "networks", 144,
                        "f7dfd3d0250f72d6d4402d75c5e4be36da7ada1a587ecb2b5829818be80b4fbd"),
                Arguments.of("expression-abx", null, 80,
                        "59810449bd135c353ed7c433dfcf142ba7ee4350d19508e361995c571a1b4208"),
                Arguments.of("expression-abx", "networks", 72,
                        "11bf2b300b963df3856a0ca6233e77b68ac0dbc0149891852ab43217a35b2300"));
    }

    private static TrialPlan plan(String protocol, String variant) {
        return Planner.plan(BuiltinProtocols.resolve(protocol).read(), variant, SEED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenPlans")
    void planHasItsRecordedHash(String protocol, String variant, int size, String sha256) {
        TrialPlan plan = plan(protocol, variant);
        assertThat(plan.size()).isEqualTo(size);
        assertThat(plan.sha256()).isEqualTo(sha256);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenPlans")
    void planJsonUsesNewlinesOnlyAndRoundTrips(String protocol, String variant) {
        TrialPlan plan = plan(protocol, variant);
        String json = plan.toJson();

        assertThat(json).doesNotContain("\r").endsWith("}\n").contains("\n  \"trials\" : [\n");
        assertThat(json).startsWith("{\n  \"format\" : \"tandem-plan/1\",\n  \"protocol\" : \"" + protocol + "\",\n");
        TrialPlan read = TrialPlan.fromJson(json);
        assertThat(read).isEqualTo(plan);
        assertThat(read.toJson()).isEqualTo(json);
        assertThat(read.sha256()).isEqualTo(plan.sha256());
        assertThat(read.seed()).isEqualTo(SEED);
        assertThat(read.variant()).isEqualTo(variant);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenPlans")
    void planningAgainGivesTheSameBytes(String protocol, String variant) {
        assertThat(plan(protocol, variant).toJson()).isEqualTo(plan(protocol, variant).toJson());
        assertThat(plan(protocol, variant).protocolSha256()).isEqualTo(Planner.protocolSha256(
                BuiltinProtocols.resolve(protocol).read()));
    }
}
