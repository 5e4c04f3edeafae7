package org.tandem.protocols.plan;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;

/** The plans of the three built-in protocols, human and network variants: counts, answers, stimuli, breaks. */
class BuiltinPlansTest {
    private static final long SEED = 7;

    private static Protocol builtin(String name) {
        return BuiltinProtocols.resolve(name).read();
    }

    private static List<Trial> block(TrialPlan plan, String block) {
        return plan.trials().stream().filter(t -> t.block().equals(block)).toList();
    }

    private static <K> Map<K, Long> countBy(List<Trial> trials, Function<Trial, K> key) {
        return trials.stream().collect(groupingBy(key, counting()));
    }

    private static List<Integer> breakIndices(TrialPlan plan) {
        return plan.trials().stream().filter(Trial::breakBefore).map(Trial::index).toList();
    }

    // ---- two-AFC happy/sad (Ying et al.) ----

    @Test
    void twoAfcForPeople() {
        Protocol protocol = builtin("expression-2afc-happy-sad");
        TrialPlan plan = Planner.plan(protocol, SEED);

        assertThat(plan.size()).isEqualTo(216);
        assertThat(plan.trials().subList(0, 6)).allSatisfy(t -> {
            assertThat(t.block()).isEqualTo("practice");
            assertThat(t.practice()).isTrue();
            assertThat(t.feedback()).isTrue();
        });
        assertThat(countBy(block(plan, "practice"), t -> t.levels().get("happiness")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("0", 3L, "100", 3L));

        List<Trial> main = block(plan, "main");
        assertThat(main).hasSize(210).allSatisfy(t -> {
            assertThat(t.practice()).isFalse();
            assertThat(t.feedback()).isFalse();
        });
        assertThat(countBy(main, t -> t.levels().get("happiness"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "0", 30L, "20", 30L, "30", 30L, "50", 30L, "70", 30L, "80", 30L, "100", 30L));
        assertTwoAfcTrials(plan);
        assertThat(Runs.longest(main.stream().map(t -> t.levels().get("happiness")).toList())).isLessThanOrEqualTo(3);
        // a break before the 70th and the 140th main trial; the practice trials do not count
        assertThat(breakIndices(plan)).containsExactly(6 + 70, 6 + 140);
    }

    @Test
    void twoAfcForNetworks() {
        TrialPlan plan = Planner.plan(builtin("expression-2afc-happy-sad"), "networks", SEED);

        assertThat(plan.variant()).isEqualTo("networks");
        assertThat(plan.size()).isEqualTo(630);
        assertThat(plan.trials()).noneMatch(Trial::practice).allMatch(t -> t.block().equals("main"));
        Map<String, Long> perLevel = countBy(plan.trials(), t -> t.levels().get("happiness"));
        assertThat(perLevel).hasSize(21).allSatisfy((level, count) -> assertThat(count).isEqualTo(30L));
        assertThat(perLevel.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(0, 20).mapToObj(i -> String.valueOf(i * 5)).toList());
        assertTwoAfcTrials(plan);
        assertThat(breakIndices(plan)).containsExactly(70, 140, 210, 280, 350, 420, 490, 560);
    }

    private static void assertTwoAfcTrials(TrialPlan plan) {
        assertThat(plan.trials()).allSatisfy(t -> {
            String level = t.levels().get("happiness");
            int percent = new BigDecimal(level).intValueExact();
            assertThat(t.correctAnswer()).isEqualTo(percent < 50 ? "sad" : percent > 50 ? "happy" : null);
            assertThat(t.stimuli()).containsExactly(new ShownStimulus("S",
                    StimulusRef.morph("varied-faces", "average", "sad-happy", level)));
            assertThat(t.stimulus("S").id()).isEqualTo("varied-faces/average/sad-happy@" + level);
        });
    }

    // ---- six-way classification (Zhou et al.) ----

    private static final Map<String, String> LABEL_OF_EXPRESSION = Map.of("angry", "anger", "disgusted", "disgust",
            "fearful", "fear", "happy", "happiness", "sad", "sadness", "surprised", "surprise");

    @Test
    void sixWayForPeople() {
        TrialPlan plan = Planner.plan(builtin("expression-6way"), SEED);

        assertThat(plan.size()).isEqualTo(294);
        List<Trial> practice = block(plan, "practice");
        assertThat(plan.trials().subList(0, 6)).isEqualTo(practice);
        assertThat(practice).allMatch(t -> t.practice() && t.feedback() && t.levels().get("identity").equals("01"));
        assertThat(countBy(practice, t -> t.levels().get("expression"))).hasSize(6).allSatisfy((e, n) -> assertThat(n).isOne());

        List<Trial> main = block(plan, "main");
        assertThat(main).hasSize(24 * 6 * 2);
        Map<Map<String, String>, Long> perImage = countBy(main, Trial::levels);
        assertThat(perImage).hasSize(24 * 6).allSatisfy((image, n) -> assertThat(n).isEqualTo(2L));
        assertSixWayTrials(plan);
        assertThat(Runs.longest(main.stream().map(t -> t.levels().get("expression")).toList())).isLessThanOrEqualTo(3);
        assertThat(breakIndices(plan)).containsExactly(6 + 72, 6 + 144, 6 + 216);
    }

    @Test
    void sixWayForNetworks() {
        TrialPlan plan = Planner.plan(builtin("expression-6way"), "networks", SEED);

        assertThat(plan.size()).isEqualTo(144);
        assertThat(plan.trials()).noneMatch(Trial::practice);
        assertThat(countBy(plan.trials(), Trial::levels)).hasSize(144).allSatisfy((image, n) -> assertThat(n).isOne());
        assertSixWayTrials(plan);
        assertThat(breakIndices(plan)).containsExactly(72);
    }

    private static void assertSixWayTrials(TrialPlan plan) {
        assertThat(plan.trials()).allSatisfy(t -> {
            String expression = t.levels().get("expression");
            String identity = t.levels().get("identity");
            assertThat(t.correctAnswer()).isEqualTo(LABEL_OF_EXPRESSION.get(expression));
            assertThat(t.stimuli()).containsExactly(new ShownStimulus("S",
                    StimulusRef.prototype("varied-faces", identity, expression)));
        });
    }

    // ---- ABX along the sad-happy continuum ----

    @Test
    void abxForPeople() {
        Protocol protocol = builtin("expression-abx");
        TrialPlan plan = Planner.plan(protocol, SEED);

        assertThat(plan.size()).isEqualTo(8 + 72);
        List<Trial> practice = block(plan, "practice");
        assertThat(plan.trials().subList(0, 8)).isEqualTo(practice);
        assertThat(practice).allMatch(t -> t.practice() && t.feedback());
        // the practice block keeps 0, 20, 80 and 100 %: the pairs two steps apart among them are 0-20 and 80-100
        assertThat(countBy(practice, t -> Runs.levelKey(protocol, t)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("0-20", 4L, "80-100", 4L));

        List<Trial> main = block(plan, "main");
        assertThat(main).hasSize(9 * 4 * 2);
        Map<String, Long> perPair = countBy(main, t -> Runs.levelKey(protocol, t));
        assertThat(perPair.keySet()).containsExactlyInAnyOrder(
                "0-20", "10-30", "20-40", "30-50", "40-60", "50-70", "60-80", "70-90", "80-100");
        assertThat(perPair.values()).allMatch(n -> n == 8);
        // each arrangement (A/B order x which one X is) twice
        assertThat(countBy(main, Trial::levels)).hasSize(36).allSatisfy((arrangement, n) -> assertThat(n).isEqualTo(2L));
        assertAbxTrials(plan);
        assertThat(Runs.longest(main.stream().map(t -> Runs.levelKey(protocol, t)).toList())).isLessThanOrEqualTo(2);
        assertThat(Runs.longest(main.stream().map(Trial::correctAnswer).toList())).isLessThanOrEqualTo(4);
        assertThat(breakIndices(plan)).containsExactly(8 + 36);
    }

    @Test
    void abxForNetworks() {
        TrialPlan plan = Planner.plan(builtin("expression-abx"), "networks", SEED);

        assertThat(plan.size()).isEqualTo(72);
        assertThat(plan.trials()).noneMatch(Trial::practice);
        assertThat(countBy(plan.trials(), Trial::levels)).hasSize(36).allSatisfy((arrangement, n) -> assertThat(n).isEqualTo(2L));
        assertAbxTrials(plan);
        assertThat(breakIndices(plan)).containsExactly(36);
    }

    private static void assertAbxTrials(TrialPlan plan) {
        assertThat(plan.trials()).allSatisfy(t -> {
            String a = t.levels().get("happiness_a");
            String b = t.levels().get("happiness_b");
            String x = t.levels().get("x");
            assertThat(new BigDecimal(a).subtract(new BigDecimal(b)).abs()).isEqualByComparingTo("20");
            assertThat(t.stimuli()).extracting(ShownStimulus::role).containsExactly("A", "B", "X");
            assertThat(t.stimulus("A")).isEqualTo(StimulusRef.morph("varied-faces", "average", "sad-happy", a));
            assertThat(t.stimulus("B")).isEqualTo(StimulusRef.morph("varied-faces", "average", "sad-happy", b));
            assertThat(t.stimulus("X")).isEqualTo(x.equals("A") ? t.stimulus("A") : t.stimulus("B"));
            // the labels are "A" (key F, matches A) and "B" (key J, matches B)
            assertThat(t.correctAnswer()).isEqualTo(x);
        });
    }

    @Test
    void everyPlanListsTrialsInIndexOrderWithUniqueIds() {
        for (String name : BuiltinProtocols.NAMES) {
            for (String variant : new String[] {null, "networks"}) {
                TrialPlan plan = Planner.plan(builtin(name), variant, SEED);
                assertThat(plan.trials()).extracting(Trial::index)
                        .containsExactlyElementsOf(IntStream.range(0, plan.size()).boxed().toList());
                assertThat(plan.trials()).extracting(Trial::id).doesNotHaveDuplicates();
                List<Boolean> practiceFlags = new ArrayList<>(plan.trials().stream().map(Trial::practice).toList());
                // practice comes first, then only main trials
                assertThat(practiceFlags).isSortedAccordingTo((x, y) -> Boolean.compare(y, x));
            }
        }
    }
}
