package org.tandem.protocols.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tandem.protocols.Protocol;

/**
 * Every stimulus a protocol can show, in the protocol as written and in each of its variants: what an image folder must
 * hold, and what must be prepared for it (e.g. landmarks for a mask), before any session starts. Conditions are expanded
 * once, without repetitions or ordering, so this is cheap next to planning.
 */
public final class PlannedStimuli {
    private PlannedStimuli() {
    }

    /** The stimuli in first-planned order, each once. */
    public static Set<StimulusRef> of(Protocol protocol) {
        List<Protocol> designs = new ArrayList<>();
        designs.add(protocol);
        protocol.variants().forEach(variant -> designs.add(Variants.apply(protocol, variant.name())));
        Set<StimulusRef> refs = new LinkedHashSet<>();
        for (Protocol design : designs) {
            ConditionExpander expander = new ConditionExpander(design);
            for (Protocol.Block block : design.blocks()) {
                // one repetition shows every stimulus the block has
                Protocol.Block once = new Protocol.Block(block.name(), block.practice(), block.feedback(), 1,
                        block.levels(), block.instructions());
                expander.expand(once).forEach(spec -> spec.stimuli().forEach(shown -> refs.add(shown.stimulus())));
            }
        }
        return refs;
    }
}
