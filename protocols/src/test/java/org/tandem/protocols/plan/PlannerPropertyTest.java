package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;

/**
 * Properties of the planner over generated protocols of all three task kinds: random factors, levels, repetitions,
 * blocks, orders and run-length limits. Each design is written as protocol JSON and read through {@link ProtocolReader},
 * so every generated protocol is also one the validator accepts. The expected conditions are derived from the design
 * here, independently of the planner's own expansion.
 */
class PlannerPropertyTest {
    private static final int TRIES = 150;
    private static final List<String> EXPRESSIONS = List.of("angry", "happy", "sad", "fearful", "surprised");
    private static final List<String> IDENTITIES = List.of("01", "02", "03");
    private static final List<String> CONTRASTS = List.of("low", "high");

    enum Kind { CLASSIFICATION, TWO_AFC, ABX }

    /** A generated experiment design; {@link #json()} writes it as a protocol. */
    record Design(Kind kind, List<String> primary, int step, boolean counterbalance, String abxOrder, int identities,
                  boolean contrast, int repetitions, boolean practice, boolean narrowPractice, boolean secondBlock,
                  Integer secondRepetitions, String order, String blockedBy, Integer maxSameLevel, Integer maxSameAnswer,
                  int breakEvery) {

        String primaryFactor() {
            return kind == Kind.CLASSIFICATION ? "expression" : "happiness";
        }

        /** The factors in declared order, with their levels. */
        Map<String, List<String>> factors() {
            Map<String, List<String>> factors = new LinkedHashMap<>();
            factors.put(primaryFactor(), primary);
            if (identities > 0) {
                factors.put("identity", IDENTITIES.subList(0, identities));
            }
            if (contrast) {
                factors.put("contrast", CONTRASTS);
            }
            return factors;
        }

        record Block(String name, boolean practice, int repetitions, Map<String, List<String>> levels) {
        }

        List<Block> blocks() {
            List<Block> blocks = new ArrayList<>();
            if (practice) {
                Map<String, List<String>> narrowed = new LinkedHashMap<>();
                if (narrowPractice) {
                    // ABX: the first pair; otherwise the first level; the first identity
                    narrowed.put(primaryFactor(), kind == Kind.ABX ? List.of(primary.get(0), primary.get(step))
                            : List.of(primary.get(0)));
                    if (identities > 0) {
                        narrowed.put("identity", List.of(IDENTITIES.get(0)));
                    }
                }
                blocks.add(new Block("practice", true, 1, narrowed));
            }
            blocks.add(new Block("main", false, repetitions, Map.of()));
            if (secondBlock) {
                blocks.add(new Block("second", false, secondRepetitions != null ? secondRepetitions : repetitions, Map.of()));
            }
            return blocks;
        }

        String json() {
            StringBuilder out = new StringBuilder();
            out.append("{\"format\": \"tandem-protocol/1\", \"id\": \"generated\", \"title\": \"Generated\",\n");
            out.append(" \"stimulusSets\": [{\"name\": \"synthetic-faces\"")
                    .append(identities == 0 ? ", \"identity\": \"average\"" : "").append("}],\n");
            out.append(" \"task\": ").append(task()).append(",\n");
            out.append(" \"factors\": [").append(factors().entrySet().stream()
                    .map(f -> "{\"name\": \"" + f.getKey() + "\", \"levels\": " + levels(f.getKey(), f.getValue()) + "}")
                    .collect(Collectors.joining(", "))).append("],\n");
            out.append(" \"repetitions\": ").append(repetitions).append(",\n");
            out.append(" \"blocks\": [").append(blocks().stream().map(this::blockJson).collect(Collectors.joining(", ")))
                    .append("],\n");
            List<String> randomisation = new ArrayList<>();
            randomisation.add("\"order\": \"" + order + "\"");
            if (blockedBy != null) {
                randomisation.add("\"blockedBy\": \"" + blockedBy + "\"");
            }
            if (maxSameLevel != null) {
                randomisation.add("\"maxSameLevel\": " + maxSameLevel);
            }
            if (maxSameAnswer != null) {
                randomisation.add("\"maxSameAnswer\": " + maxSameAnswer);
            }
            out.append(" \"randomisation\": {").append(String.join(", ", randomisation)).append("},\n");
            out.append(" \"timing\": {\"stimulus\": {\"frames\": 6}},\n");
            out.append(" \"breaks\": {\"every\": ").append(breakEvery).append("}\n}\n");
            return out.toString();
        }

        private String task() {
            return switch (kind) {
                case CLASSIFICATION -> "{\"kind\": \"classification\", \"labels\": [" + primary.stream()
                        .map(e -> "{\"label\": \"" + label(e) + "\", \"key\": \"" + (EXPRESSIONS.indexOf(e) + 1)
                                + "\", \"expression\": \"" + e + "\"}")
                        .collect(Collectors.joining(", ")) + "]}";
                case TWO_AFC -> "{\"kind\": \"two-afc\", \"continuum\": {\"factor\": \"happiness\", \"from\": \"sad\", "
                        + "\"to\": \"happy\"}, \"labels\": [{\"label\": \"sad\", \"key\": \"S\", \"end\": \"from\"}, "
                        + "{\"label\": \"happy\", \"key\": \"A\", \"end\": \"to\"}]}";
                case ABX -> "{\"kind\": \"abx\", \"continuum\": {\"factor\": \"happiness\", \"from\": \"sad\", \"to\": \"happy\"}, "
                        + "\"step\": " + step + ", \"order\": \"" + abxOrder + "\", \"counterbalance\": " + counterbalance
                        + ", \"labels\": [{\"label\": \"first\", \"key\": \"F\", \"matches\": \"A\"}, "
                        + "{\"label\": \"second\", \"key\": \"J\", \"matches\": \"B\"}]}";
            };
        }

        /** Numeric levels are written as numbers, some with a trailing ".0", which must not matter. */
        private String levels(String factor, List<String> levels) {
            boolean numeric = kind != Kind.CLASSIFICATION && factor.equals("happiness");
            return levels.stream().map(l -> numeric ? (l.length() % 2 == 0 ? l + ".0" : l) : "\"" + l + "\"")
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private String blockJson(Block block) {
            String levels = block.levels().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": " + levels(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            return "{\"name\": \"" + block.name() + "\", \"practice\": " + block.practice() + ", \"repetitions\": "
                    + block.repetitions() + (block.levels().isEmpty() ? "" : ", \"levels\": " + levels) + "}";
        }

        static String label(String expression) {
            return "label-" + expression;
        }

        /** The distinct conditions (levels as a trial records them) a block must contain, each {@code repetitions} times. */
        Set<Map<String, String>> conditions(Block block) {
            List<Map<String, String>> rows = new ArrayList<>();
            rows.add(new LinkedHashMap<>());
            for (Map.Entry<String, List<String>> factor : factors().entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                List<String> levels = block.levels().getOrDefault(factor.getKey(), factor.getValue());
                for (Map<String, String> row : rows) {
                    if (kind == Kind.ABX && factor.getKey().equals("happiness")) {
                        for (int i = 0; i + step < primary.size(); i++) {
                            String low = primary.get(i);
                            String high = primary.get(i + step);
                            if (!levels.contains(low) || !levels.contains(high)) {
                                continue;
                            }
                            List<String[]> abOrders = counterbalance
                                    ? List.of(new String[] {low, high}, new String[] {high, low})
                                    : List.<String[]>of(new String[] {low, high});
                            for (String[] ab : abOrders) {
                                for (String x : List.of("A", "B")) {
                                    Map<String, String> extended = new LinkedHashMap<>(row);
                                    extended.put("happiness_a", ab[0]);
                                    extended.put("happiness_b", ab[1]);
                                    extended.put("x", x);
                                    next.add(extended);
                                }
                            }
                        }
                    } else {
                        for (String level : levels) {
                            Map<String, String> extended = new LinkedHashMap<>(row);
                            extended.put(factor.getKey(), level);
                            next.add(extended);
                        }
                    }
                }
                rows = next;
            }
            return new LinkedHashSet<>(rows);
        }
    }

    @Provide
    Arbitrary<Design> designs() {
        return Builders.withBuilder(DesignBuilder::new)
                .use(Arbitraries.of(Kind.values())).in(DesignBuilder::kind)
                .use(Arbitraries.integers().between(1, 6)).in(DesignBuilder::levelCount)
                .use(Arbitraries.integers().between(1, 2)).in(DesignBuilder::levelStride)
                .use(Arbitraries.integers().between(0, 4)).in(DesignBuilder::stepChoice)
                .use(Arbitraries.of(true, false)).in(DesignBuilder::counterbalance)
                .use(Arbitraries.of("ABX", "AXB", "XAB")).in(DesignBuilder::abxOrder)
                .use(Arbitraries.integers().between(0, 3)).in(DesignBuilder::identities)
                .use(Arbitraries.of(true, false)).in(DesignBuilder::contrast)
                .use(Arbitraries.integers().between(1, 3)).in(DesignBuilder::repetitions)
                .use(Arbitraries.of(true, false)).in(DesignBuilder::practice)
                .use(Arbitraries.of(true, false)).in(DesignBuilder::narrowPractice)
                .use(Arbitraries.of(true, false)).in(DesignBuilder::secondBlock)
                .use(Arbitraries.integers().between(1, 2).injectNull(0.5)).in(DesignBuilder::secondRepetitions)
                .use(Arbitraries.of("random", "random", "blocked", "fixed")).in(DesignBuilder::order)
                .use(Arbitraries.integers().between(0, 2)).in(DesignBuilder::blockedByChoice)
                .use(Arbitraries.integers().between(1, 3).injectNull(0.4)).in(DesignBuilder::maxSameLevel)
                .use(Arbitraries.integers().between(1, 3).injectNull(0.4)).in(DesignBuilder::maxSameAnswer)
                .use(Arbitraries.integers().between(0, 7)).in(DesignBuilder::breakEvery)
                .build(DesignBuilder::build);
    }

    /** Collects the raw choices and turns them into a design that is valid for its task kind. */
    static final class DesignBuilder {
        private Kind kind;
        private int levelCount;
        private int levelStride;
        private int stepChoice;
        private boolean counterbalance;
        private String abxOrder;
        private int identities;
        private boolean contrast;
        private int repetitions;
        private boolean practice;
        private boolean narrowPractice;
        private boolean secondBlock;
        private Integer secondRepetitions;
        private String order;
        private int blockedByChoice;
        private Integer maxSameLevel;
        private Integer maxSameAnswer;
        private int breakEvery;

        DesignBuilder kind(Kind v) { kind = v; return this; }
        DesignBuilder levelCount(int v) { levelCount = v; return this; }
        DesignBuilder levelStride(int v) { levelStride = v; return this; }
        DesignBuilder stepChoice(int v) { stepChoice = v; return this; }
        DesignBuilder counterbalance(boolean v) { counterbalance = v; return this; }
        DesignBuilder abxOrder(String v) { abxOrder = v; return this; }
        DesignBuilder identities(int v) { identities = v; return this; }
        DesignBuilder contrast(boolean v) { contrast = v; return this; }
        DesignBuilder repetitions(int v) { repetitions = v; return this; }
        DesignBuilder practice(boolean v) { practice = v; return this; }
        DesignBuilder narrowPractice(boolean v) { narrowPractice = v; return this; }
        DesignBuilder secondBlock(boolean v) { secondBlock = v; return this; }
        DesignBuilder secondRepetitions(Integer v) { secondRepetitions = v; return this; }
        DesignBuilder order(String v) { order = v; return this; }
        DesignBuilder blockedByChoice(int v) { blockedByChoice = v; return this; }
        DesignBuilder maxSameLevel(Integer v) { maxSameLevel = v; return this; }
        DesignBuilder maxSameAnswer(Integer v) { maxSameAnswer = v; return this; }
        DesignBuilder breakEvery(int v) { breakEvery = v; return this; }

        Design build() {
            List<String> primary = new ArrayList<>();
            int step = 0;
            if (kind == Kind.CLASSIFICATION) {
                primary.addAll(EXPRESSIONS.subList(0, Math.max(2, Math.min(levelCount, EXPRESSIONS.size()))));
            } else {
                int count = kind == Kind.ABX ? Math.max(2, levelCount) : levelCount;
                int stride = (count - 1) * levelStride * 10 <= 100 ? levelStride : 1;
                for (int i = 0; i < count; i++) {
                    primary.add(String.valueOf(i * stride * 10));
                }
                if (kind == Kind.ABX) {
                    step = 1 + stepChoice % (count - 1);
                }
            }
            // blocked by a factor other than the ABX continuum: identity, contrast, or (not ABX) the task's own factor
            List<String> blockable = new ArrayList<>();
            if (kind != Kind.ABX) {
                blockable.add(kind == Kind.CLASSIFICATION ? "expression" : "happiness");
            }
            if (identities > 0) {
                blockable.add("identity");
            }
            if (contrast) {
                blockable.add("contrast");
            }
            String effectiveOrder = order.equals("blocked") && blockable.isEmpty() ? "random" : order;
            String blockedBy = effectiveOrder.equals("blocked") ? blockable.get(blockedByChoice % blockable.size()) : null;
            boolean limits = !effectiveOrder.equals("fixed");
            return new Design(kind, primary, step, counterbalance, abxOrder, identities, contrast, repetitions, practice,
                    narrowPractice, secondBlock, secondRepetitions, effectiveOrder, blockedBy,
                    limits ? maxSameLevel : null, limits ? maxSameAnswer : null, breakEvery);
        }
    }

    @Provide
    Arbitrary<Design> blockedDesigns() {
        return designs().filter(d -> d.order().equals("blocked"));
    }

    /** Designs with a randomised block of at least 10 distinct trials, which has millions of orders. */
    @Provide
    Arbitrary<Design> largerRandomisedDesigns() {
        return designs().filter(d -> !d.order().equals("fixed")
                && d.blocks().stream().anyMatch(b -> d.conditions(b).size() * b.repetitions() >= 10));
    }

    private static Protocol read(Design design) {
        return ProtocolReader.read(design.json(), "generated.json");
    }

    /** The plan, or the property is skipped for a design whose run-length limits cannot be met (checked separately). */
    private static TrialPlan planOrSkip(Protocol protocol, long seed) {
        try {
            return Planner.plan(protocol, seed);
        } catch (TandemException e) {
            Assume.that(false);
            throw e;
        }
    }

    private static List<Trial> block(TrialPlan plan, String name) {
        return plan.trials().stream().filter(t -> t.block().equals(name)).toList();
    }

    // ---- properties ----

    @Property(tries = TRIES)
    void everyConditionAppearsRepetitionsTimesPerBlock(@ForAll("designs") Design design, @ForAll long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        int total = 0;
        for (Design.Block block : design.blocks()) {
            Set<Map<String, String>> expected = design.conditions(block);
            List<Trial> trials = block(plan, block.name());
            Map<Map<String, String>, Long> counts = trials.stream()
                    .collect(Collectors.groupingBy(Trial::levels, Collectors.counting()));
            assertThat(counts.keySet()).as("conditions of block %s", block.name()).isEqualTo(expected);
            assertThat(counts.values()).allMatch(n -> n == block.repetitions());
            total += expected.size() * block.repetitions();
        }
        assertThat(plan.size()).isEqualTo(total);
    }

    /** The count the reader checks against the trial limit is the number of trials the planner makes, block by block. */
    @Property(tries = TRIES)
    void theArithmeticCountIsTheNumberOfTrialsPlanned(@ForAll("designs") Design design, @ForAll long seed) {
        Protocol protocol = read(design);
        TrialPlan plan = planOrSkip(protocol, seed);
        for (Protocol.Block block : protocol.blocks()) {
            assertThat(TrialCount.of(protocol, block).trials().longValue()).as("block %s", block.name())
                    .isEqualTo(block(plan, block.name()).size());
        }
        assertThat(TrialCount.total(protocol).longValue()).isEqualTo(plan.size());
    }

    /**
     * The check made from counts before planning judges each limit alone as the planner does: a design it refuses, the
     * planner refuses too, and where the planner finds a limit alone impossible, the counts found the same first. (The
     * planner may also give up earlier, on limits that are possible alone but not together, or across blocked groups.)
     */
    @Property(tries = TRIES)
    void limitsAreJudgedFromCountsAsThePlannerJudgesThem(@ForAll("designs") Design design, @ForAll long seed) {
        Protocol protocol = read(design);
        String fromCounts = null;
        try {
            Orderability.require(protocol);
        } catch (PlanningException e) {
            fromCounts = e.getMessage();
        }
        String fromPlanning = null;
        try {
            Planner.plan(protocol, seed);
        } catch (TandemException e) {
            fromPlanning = e.getMessage();
        }
        if (fromCounts != null) {
            assertThat(fromPlanning).isNotNull();
        }
        if (fromPlanning != null && fromPlanning.contains("cannot be ordered")) {
            assertThat(fromCounts).isEqualTo(fromPlanning);
        }
    }

    @Property(tries = TRIES)
    void blocksAreContiguousInDeclaredOrderWithTheirPracticeFlags(@ForAll("designs") Design design, @ForAll long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        List<String> sequence = new ArrayList<>();
        for (Trial trial : plan.trials()) {
            if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(trial.block())) {
                sequence.add(trial.block());
            }
        }
        assertThat(sequence).containsExactlyElementsOf(design.blocks().stream().map(Design.Block::name).toList());
        Map<String, Boolean> practice = design.blocks().stream()
                .collect(Collectors.toMap(Design.Block::name, Design.Block::practice));
        assertThat(plan.trials()).allSatisfy(t -> {
            assertThat(t.practice()).isEqualTo(practice.get(t.block()));
            // practice blocks give feedback by default, main blocks do not
            assertThat(t.feedback()).isEqualTo(practice.get(t.block()));
        });
        for (int i = 0; i < plan.size(); i++) {
            assertThat(plan.trial(i).index()).isEqualTo(i);
        }
    }

    @Property(tries = TRIES)
    void trialIdsAreUniqueAndNameTheSameTrialsWhateverTheSeed(@ForAll("designs") Design design,
                                                              @ForAll long seed, @ForAll long otherSeed) {
        Protocol protocol = read(design);
        TrialPlan plan = planOrSkip(protocol, seed);
        TrialPlan other = planOrSkip(protocol, otherSeed);
        Function<TrialPlan, Map<String, List<Object>>> byId = p -> p.trials().stream().collect(Collectors.toMap(
                Trial::id, t -> List.of(t.block(), t.practice(), t.levels(), t.stimuli(), String.valueOf(t.correctAnswer()))));
        assertThat(plan.trials()).extracting(Trial::id).doesNotHaveDuplicates();
        assertThat(byId.apply(plan)).isEqualTo(byId.apply(other));
    }

    @Property(tries = TRIES)
    void runLengthLimitsAreHonouredWhereverTheyCanBe(@ForAll("designs") Design design, @ForAll long seed) {
        Protocol protocol = read(design);
        TrialPlan plan;
        try {
            plan = Planner.plan(protocol, seed);
        } catch (TandemException e) {
            assertThat(e.getMessage()).containsPattern("(cannot|could not) be ordered with");
            assertInfeasible(design, protocol);
            return;
        }
        for (Design.Block block : design.blocks()) {
            List<Trial> trials = block(plan, block.name());
            if (design.maxSameLevel() != null) {
                assertThat(Runs.longest(trials.stream().map(t -> Runs.levelKey(protocol, t)).toList()))
                        .isLessThanOrEqualTo(design.maxSameLevel());
            }
            if (design.maxSameAnswer() != null) {
                assertThat(Runs.longest(trials.stream().map(Trial::correctAnswer).toList()))
                        .isLessThanOrEqualTo(design.maxSameAnswer());
            }
        }
    }

    /**
     * The planner gave up: for a random order, some block must have no valid order, which an exhaustive search confirms
     * where the block is small enough (for a blocked order the groups constrain it further, so that is not checked).
     */
    private static void assertInfeasible(Design design, Protocol protocol) {
        assertThat(design.maxSameLevel() != null || design.maxSameAnswer() != null).isTrue();
        if (!design.order().equals("random")) {
            return;
        }
        // the declared order lists every trial of every block once; the limits are about level key and answer only
        TrialPlan declared = Planner.plan(new Protocol(protocol.format(), protocol.id(), protocol.title(),
                protocol.description(), protocol.instructions(), protocol.stimulusSets(), protocol.task(),
                protocol.factors(), protocol.repetitions(), protocol.blocks(),
                new Protocol.Randomisation("fixed", null, null, null), protocol.timing(), protocol.breaks(),
                protocol.variants()), 0);
        boolean someBlockInfeasible = false;
        boolean undecided = false;
        for (Design.Block block : design.blocks()) {
            Map<List<String>, Integer> kinds = new LinkedHashMap<>();
            for (Trial t : block(declared, block.name())) {
                kinds.merge(java.util.Arrays.asList(Runs.levelKey(protocol, t), t.correctAnswer()), 1, Integer::sum);
            }
            long states = kinds.values().stream().mapToLong(c -> c + 1L).reduce(1, (a, b) -> a * b);
            if (states > 50_000) {
                undecided = true;
                continue;
            }
            List<String[]> kindList = kinds.keySet().stream().map(k -> new String[] {k.get(0), k.get(1)}).toList();
            int[] counts = kinds.values().stream().mapToInt(Integer::intValue).toArray();
            OrderSearch search = new OrderSearch(kindList, design.maxSameLevel() == null ? 0 : design.maxSameLevel(),
                    design.maxSameAnswer() == null ? 0 : design.maxSameAnswer());
            someBlockInfeasible |= !search.exists(counts);
        }
        assertThat(someBlockInfeasible || undecided).as("a block of %s has no valid order", design.json()).isTrue();
    }

    @Property(tries = TRIES)
    void blockedOrderKeepsEachGroupTogether(@ForAll("blockedDesigns") Design design, @ForAll long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        for (Design.Block block : design.blocks()) {
            List<String> groups = new ArrayList<>();
            for (Trial t : block(plan, block.name())) {
                String group = t.levels().get(design.blockedBy());
                if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(group)) {
                    groups.add(group);
                }
            }
            assertThat(groups).as("groups of block %s", block.name()).doesNotHaveDuplicates();
        }
    }

    @Property(tries = TRIES)
    void differentSeedsGiveDifferentOrders(@ForAll("largerRandomisedDesigns") Design design, @ForAll long seed) {
        Protocol protocol = read(design);
        TrialPlan plan = planOrSkip(protocol, seed);
        TrialPlan other = planOrSkip(protocol, seed + 1);
        assertThat(other.trials().stream().map(Trial::id).toList())
                .isNotEqualTo(plan.trials().stream().map(Trial::id).toList());
    }

    @Property(tries = TRIES)
    void sameSeedGivesTheSameBytes(@ForAll("designs") Design design, @ForAll long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        TrialPlan again = Planner.plan(read(design), seed);
        assertThat(again.toJson()).isEqualTo(plan.toJson());
        assertThat(again.sha256()).isEqualTo(plan.sha256());
        assertThat(TrialPlan.fromJson(plan.toJson()).toJson()).isEqualTo(plan.toJson());
    }

    @Property(tries = TRIES)
    void aBreakComesBeforeEveryNthNonPracticeTrial(@ForAll("designs") Design design, @ForAll long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        int mainSoFar = 0;
        for (Trial t : plan.trials()) {
            boolean expected = !t.practice() && design.breakEvery() > 0 && mainSoFar > 0 && mainSoFar % design.breakEvery() == 0;
            assertThat(t.breakBefore()).as("break before trial %d", t.index()).isEqualTo(expected);
            if (!t.practice()) {
                mainSoFar++;
            }
        }
    }

    @Property(tries = TRIES)
    void eachTrialShowsItsStimuliAndKnowsItsCorrectAnswer(@ForAll("designs") Design design,
                                                        @ForAll @LongRange(min = 0, max = 1000) long seed) {
        TrialPlan plan = planOrSkip(read(design), seed);
        for (Trial t : plan.trials()) {
            String identity = design.identities() > 0 ? t.levels().get("identity") : "average";
            switch (design.kind()) {
                case CLASSIFICATION -> {
                    String expression = t.levels().get("expression");
                    assertThat(t.stimuli()).containsExactly(new ShownStimulus("S",
                            StimulusRef.prototype("synthetic-faces", identity, expression)));
                    assertThat(t.correctAnswer()).isEqualTo(Design.label(expression));
                }
                case TWO_AFC -> {
                    String level = t.levels().get("happiness");
                    assertThat(t.stimuli()).containsExactly(new ShownStimulus("S",
                            StimulusRef.morph("synthetic-faces", identity, "sad-happy", level)));
                    int side = new BigDecimal(level).compareTo(BigDecimal.valueOf(50));
                    assertThat(t.correctAnswer()).isEqualTo(side < 0 ? "sad" : side > 0 ? "happy" : null);
                }
                case ABX -> {
                    StimulusRef a = StimulusRef.morph("synthetic-faces", identity, "sad-happy", t.levels().get("happiness_a"));
                    StimulusRef b = StimulusRef.morph("synthetic-faces", identity, "sad-happy", t.levels().get("happiness_b"));
                    boolean xIsA = t.levels().get("x").equals("A");
                    Map<Character, StimulusRef> byRole = new HashMap<>(Map.of('A', a, 'B', b, 'X', xIsA ? a : b));
                    List<ShownStimulus> expected = design.abxOrder().chars()
                            .mapToObj(c -> new ShownStimulus(String.valueOf((char) c), byRole.get((char) c))).toList();
                    assertThat(t.stimuli()).isEqualTo(expected);
                    assertThat(t.correctAnswer()).isEqualTo(xIsA ? "first" : "second");
                    int aIndex = design.primary().indexOf(t.levels().get("happiness_a"));
                    int bIndex = design.primary().indexOf(t.levels().get("happiness_b"));
                    assertThat(Math.abs(aIndex - bIndex)).isEqualTo(design.step());
                }
                default -> throw new AssertionError(design.kind());
            }
        }
    }
}
