package org.tandem.protocols.plan;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

/**
 * The pure function (protocol, variant, seed) → trial plan. No clock, no global state, no JDK shuffles: the same
 * inputs give a byte-identical plan on every machine.
 */
public final class Planner {
    private Planner() {
    }

    public static TrialPlan plan(Protocol protocol, long seed) {
        return plan(protocol, null, seed);
    }

    /**
     * @param variant a variant name declared by the protocol (e.g. {@code networks}), or null for the protocol as written
     */
    public static TrialPlan plan(Protocol protocol, String variant, long seed) {
        Protocol effective = variant == null ? protocol : Variants.apply(protocol, variant);
        // counted before any trial is made: an oversized design fails at once instead of filling the heap
        TrialCount.requireWithinLimit(effective, variant);
        ConditionExpander expander = new ConditionExpander(effective);
        TrialOrder order = new TrialOrder(effective.randomisation());
        List<TrialSpec> ordered = new ArrayList<>();
        List<Protocol.Block> blocks = effective.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            Protocol.Block block = blocks.get(b);
            ordered.addAll(order.order(block.name(), expander.expand(block), SplitMix64.stream(seed, b)));
        }
        if (ordered.isEmpty()) {
            throw new TandemException("protocol " + protocol.id() + " plans no trials; check its blocks and levels");
        }
        return new TrialPlan(protocol.id(), protocolSha256(protocol), variant, seed, number(ordered, effective.breaks()));
    }

    /** Gives each trial its plan index and marks a break before every {@code every}-th non-practice trial. */
    private static List<Trial> number(List<TrialSpec> ordered, Protocol.Breaks breaks) {
        List<Trial> trials = new ArrayList<>(ordered.size());
        int mainTrialsSoFar = 0;
        for (TrialSpec spec : ordered) {
            boolean breakBefore = !spec.practice() && breaks.every() > 0 && mainTrialsSoFar > 0
                    && mainTrialsSoFar % breaks.every() == 0;
            trials.add(spec.toTrial(trials.size(), breakBefore));
            if (!spec.practice()) {
                mainTrialsSoFar++;
            }
        }
        return trials;
    }

    /** SHA-256 of the protocol's content (defaults filled in, key order and layout ignored). */
    public static String protocolSha256(Protocol protocol) {
        return CanonicalJson.sha256(CanonicalJson.compactSorted(CanonicalJson.mapper().valueToTree(protocol)));
    }
}
