package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.Problem;

/** The run-length limits: met whenever they can be, and a clear error (not a long search) when they cannot. */
class RunLengthTest {

    private static Protocol twoAfc(String levels, int repetitions, String randomisation) {
        return ProtocolReader.read("""
                {"format": "tandem-protocol/1", "id": "runs", "title": "Runs",
                 "stimulusSets": [{"name": "synthetic-faces", "identity": "average"}],
                 "task": {"kind": "two-afc", "continuum": {"factor": "happiness", "from": "sad", "to": "happy"},
                          "labels": [{"label": "happy", "key": "A", "end": "to"}, {"label": "sad", "key": "S", "end": "from"}]},
                 "factors": [{"name": "happiness", "levels": [%s]}],
                 "repetitions": %d, "randomisation": %s, "timing": {"stimulus": {"ms": 100}}}
                """.formatted(levels, repetitions, randomisation), "runs.json");
    }

    private static Protocol abx(String levels, int step, boolean counterbalance, int repetitions, String randomisation) {
        return ProtocolReader.read("""
                {"format": "tandem-protocol/1", "id": "runs", "title": "Runs",
                 "stimulusSets": [{"name": "synthetic-faces", "identity": "average"}],
                 "task": {"kind": "abx", "continuum": {"factor": "happiness", "from": "sad", "to": "happy"},
                          "step": %d, "counterbalance": %b,
                          "labels": [{"label": "A", "key": "F", "matches": "A"}, {"label": "B", "key": "J", "matches": "B"}]},
                 "factors": [{"name": "happiness", "levels": [%s]}],
                 "repetitions": %d, "randomisation": %s, "timing": {"stimulus": {"ms": 100}}}
                """.formatted(step, counterbalance, levels, repetitions, randomisation), "runs.json");
    }

    private static String limits(int maxSameLevel, int maxSameAnswer) {
        List<String> members = new ArrayList<>();
        if (maxSameLevel > 0) {
            members.add("\"maxSameLevel\": " + maxSameLevel);
        }
        if (maxSameAnswer > 0) {
            members.add("\"maxSameAnswer\": " + maxSameAnswer);
        }
        return "{" + String.join(", ", members) + "}";
    }

    private static void assertWithinLimits(Protocol protocol, TrialPlan plan) {
        Protocol.Randomisation r = protocol.randomisation();
        for (Protocol.Block block : protocol.blocks()) {
            List<Trial> trials = plan.trials().stream().filter(t -> t.block().equals(block.name())).toList();
            if (r.maxSameLevel() != null) {
                assertThat(Runs.longest(trials.stream().map(t -> Runs.levelKey(protocol, t)).toList()))
                        .isLessThanOrEqualTo(r.maxSameLevel());
            }
            if (r.maxSameAnswer() != null) {
                assertThat(Runs.longest(trials.stream().map(Trial::correctAnswer).toList()))
                        .isLessThanOrEqualTo(r.maxSameAnswer());
            }
        }
    }

    @Test
    void feasibleLimitsAreMetForEverySeed() {
        // 90 sad and 60 happy trials in runs of at most 2 answers: easy to meet, yet a plain random draw used up the happy
        // trials early and failed for most seeds
        Protocol protocol = twoAfc("10, 20, 30, 80, 90", 30, limits(0, 2));
        for (long seed = 0; seed < 50; seed++) {
            assertWithinLimits(protocol, Planner.plan(protocol, seed));
        }
        // tight: 40 sad trials need every one of the 20 happy ones as a separator, and no level may repeat
        Protocol tight = twoAfc("10, 20, 90", 20, limits(1, 2));
        for (long seed = 0; seed < 50; seed++) {
            assertWithinLimits(tight, Planner.plan(tight, seed));
        }
    }

    @Test
    void largeTightBlocksArePlannedQuickly() {
        Protocol protocol = twoAfc("10, 20, 90", 1000, limits(1, 2));
        long start = System.nanoTime();
        TrialPlan plan = Planner.plan(protocol, 5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(plan.size()).isEqualTo(3000);
        assertWithinLimits(protocol, plan);
    }

    @Test
    void aLimitThatCannotBeMetIsReportedAtOnce() {
        // 200 sad trials cannot be kept apart by 100 happy ones
        Protocol protocol = twoAfc("10, 20, 90", 100, limits(0, 1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> Planner.plan(protocol, 1)).isInstanceOf(TandemException.class)
                .hasMessage("block 'main' cannot be ordered with maxSameAnswer=1: correct answer 'sad' makes up 200 of its "
                        + "300 trials, too many to break into runs of at most 1; raise maxSameAnswer or balance the answers");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        assertThatThrownBy(() -> Planner.plan(twoAfc("50", 4, limits(3, 0)), 1)).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("block 'main' cannot be ordered with maxSameLevel=3: level '50' makes up 4 of its 4 trials");
    }

    @Test
    void aLimitThatCannotBeMetIsALocatedProblemBeforeASession() {
        String json = BuiltinProtocols.resolve("expression-2afc-happy-sad").json()
                .replace("\"repetitions\": 3, \"levels\": {\"happiness\": [0, 100]}", "\"repetitions\": 4, \"levels\": {\"happiness\": [0]}");
        // read on its own, the file is fine: the planner finds the practice block impossible
        assertThatThrownBy(() -> Planner.plan(ProtocolReader.read(json, "p.json"), 1)).isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("block 'practice' cannot be ordered with maxSameLevel=3");
        // read for a session, it is one located problem, also for the variant that keeps the practice block
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class,
                () -> ProtocolReader.readForSession(json, "p.json", null));
        int line = json.substring(0, json.indexOf("\"maxSameLevel\"")).split("\n", -1).length;
        assertThat(e.problems()).extracting(Problem::path, Problem::line, Problem::message)
                .containsExactly(tuple("$.randomisation.maxSameLevel", line, "block 'practice' cannot be ordered with"
                        + " maxSameLevel=3: level '0' makes up 4 of its 4 trials, too many to break into runs of at most 3;"
                        + " raise maxSameLevel or add levels"));
    }

    @Test
    void limitsThatCannotBeMetTogetherAreLocatedByWhoeverHoldsTheFile() {
        BuiltinProtocols.Source source = new BuiltinProtocols.Source("runs.json", """
                {"format": "tandem-protocol/1", "id": "runs", "title": "Runs",
                 "stimulusSets": [{"name": "synthetic-faces", "identity": "average"}],
                 "task": {"kind": "abx", "continuum": {"factor": "happiness", "from": "sad", "to": "happy"},
                          "step": 1, "counterbalance": false,
                          "labels": [{"label": "A", "key": "F", "matches": "A"}, {"label": "B", "key": "J", "matches": "B"}]},
                 "factors": [{"name": "happiness", "levels": [0, 50, 100]}],
                 "repetitions": 200, "randomisation": {"maxSameLevel": 1, "maxSameAnswer": 1}, "timing": {"stimulus": {"ms": 100}}}
                """);
        Protocol protocol = source.readForSession(null);
        assertThatThrownBy(() -> source.plan(protocol, null, 1)).isInstanceOf(InvalidProtocolException.class)
                .hasMessageStartingWith("runs.json: line 7, column 22, $.randomisation: block 'main' could not be ordered");
    }

    @Test
    void limitsThatCannotBeMetTogetherEndTheSearchWithAClearError() {
        // two ABX pairs, X = A or B: alternating both the pair and the answer leaves half of the trials unusable
        Protocol protocol = abx("0, 50, 100", 1, false, 200, limits(1, 1));
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> Planner.plan(protocol, 1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown).isInstanceOf(TandemException.class).hasMessage("block 'main' could not be ordered with "
                + "maxSameLevel=1 and maxSameAnswer=1: each limit alone can be met, but no order meeting both was found in "
                + "200 tries; raise one of the limits");
    }

    @Test
    void limitsHoldAcrossTheGroupsOfABlockedOrder() {
        Protocol protocol = ProtocolReader.read("""
                {"format": "tandem-protocol/1", "id": "blocked", "title": "Blocked",
                 "stimulusSets": [{"name": "synthetic-faces"}],
                 "task": {"kind": "classification", "labels": [{"label": "happy", "key": "H"}, {"label": "sad", "key": "S"}]},
                 "factors": [{"name": "identity", "levels": ["01", "02", "03", "04"]},
                             {"name": "expression", "levels": ["happy", "sad"]}],
                 "repetitions": 3, "randomisation": {"order": "blocked", "blockedBy": "identity", "maxSameLevel": 1},
                 "timing": {"stimulus": {"ms": 100}}}
                """, "blocked.json");
        for (long seed = 0; seed < 30; seed++) {
            TrialPlan plan = Planner.plan(protocol, seed);
            // strict alternation of expressions, also where one identity's group ends and the next begins
            assertThat(Runs.longest(plan.trials().stream().map(t -> t.levels().get("expression")).toList())).isEqualTo(1);
            List<String> groups = new ArrayList<>();
            plan.trials().forEach(t -> {
                if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(t.levels().get("identity"))) {
                    groups.add(t.levels().get("identity"));
                }
            });
            assertThat(groups).hasSize(4).doesNotHaveDuplicates();
        }
    }

    /**
     * Every small two-AFC and ABX design, every pair of limits: the planner finds an order exactly when one exists, as an
     * exhaustive search decides, and its orders keep the limits.
     */
    @Test
    void smallDesignsArePlannedExactlyWhenAnOrderExists() {
        int[] pool = {10, 30, 50, 70, 90};
        for (int mask = 1; mask < 1 << pool.length; mask++) {
            List<Integer> levels = new ArrayList<>();
            for (int i = 0; i < pool.length; i++) {
                if ((mask & 1 << i) != 0) {
                    levels.add(pool[i]);
                }
            }
            for (int reps = 1; reps <= 3; reps++) {
                for (int maxLevel = 0; maxLevel <= 2; maxLevel++) {
                    for (int maxAnswer = maxLevel == 0 ? 1 : 0; maxAnswer <= 2; maxAnswer++) {
                        Protocol protocol = twoAfc(String.join(", ", levels.stream().map(String::valueOf).toList()), reps,
                                limits(maxLevel, maxAnswer));
                        List<String[]> kinds = new ArrayList<>();
                        for (int level : levels) {
                            kinds.add(new String[] {String.valueOf(level), level < 50 ? "sad" : level > 50 ? "happy" : null});
                        }
                        check(protocol, kinds, reps, maxLevel, maxAnswer);
                    }
                }
            }
        }
        for (String levels : List.of("0, 50, 100", "0, 25, 50, 75", "0, 20, 40, 60, 80")) {
            for (int step = 1; step <= 2; step++) {
                for (boolean counterbalance : new boolean[] {false, true}) {
                    for (int reps = 1; reps <= 2; reps++) {
                        for (int maxLevel = 0; maxLevel <= 2; maxLevel++) {
                            for (int maxAnswer = maxLevel == 0 ? 1 : 0; maxAnswer <= 2; maxAnswer++) {
                                int count = levels.split(",").length;
                                if (step >= count) {
                                    continue;
                                }
                                List<String[]> kinds = new ArrayList<>();
                                for (int pair = 0; pair + step < count; pair++) {
                                    kinds.add(new String[] {"pair" + pair, "A"});
                                    kinds.add(new String[] {"pair" + pair, "B"});
                                }
                                check(abx(levels, step, counterbalance, reps, limits(maxLevel, maxAnswer)), kinds,
                                        reps * (counterbalance ? 2 : 1), maxLevel, maxAnswer);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void check(Protocol protocol, List<String[]> kinds, int each, int maxLevel, int maxAnswer) {
        int[] counts = new int[kinds.size()];
        Arrays.fill(counts, each);
        boolean exists = new OrderSearch(kinds, maxLevel, maxAnswer).exists(counts);
        for (long seed = 0; seed < 3; seed++) {
            long s = seed;
            Throwable thrown = catchThrowable(() -> assertWithinLimits(protocol, Planner.plan(protocol, s)));
            if (exists) {
                assertThat(thrown).as("%s with %s, seed %d", protocol.factors(), protocol.randomisation(), seed).isNull();
            } else {
                assertThat(thrown).as("%s with %s", protocol.factors(), protocol.randomisation())
                        .isInstanceOf(TandemException.class);
            }
        }
    }
}
