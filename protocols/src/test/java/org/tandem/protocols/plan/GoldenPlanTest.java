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
                        "9696c4d19123532cb052ef3399bc1671c14ca58c77918bc2c13861d6cc4f9b31"),
                Arguments.of("expression-2afc-happy-sad", "networks", 630,
                        "c008d20de8f144535f9b07e38a3a830cffe1995c5a52a915e2f9f5eb859ab3dc"),
                Arguments.of("expression-6way", null, 294,
                        "ff91b762c5113be028f2257dfed2bbb2f306ec133769ef21e88ac6e83034937a"),
                Arguments.of("expression-6way", "networks", 144,
                        "39ee997a01bf10065b5f5800c191b09d66277943517f4edc01133430c5c45c59"),
                Arguments.of("expression-abx", null, 80,
                        "0721441055d8596f9b79bb5d5b4e8033b945bd7315349918823489fd009eb867"),
                Arguments.of("expression-abx", "networks", 72,
                        "e1c5a042b18e14871260861bb6701c91dc81f71ad69f784fc52bd52413804962"));
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
