package org.tandem.protocols.plan;

import java.util.Map;
import org.tandem.protocols.Protocol;

/**
 * Whether each run-length limit alone can be met in every block of a protocol, worked out from the number of trials of each
 * level and answer, without making them: the check the planner makes before drawing, available before planning.
 */
public final class Orderability {
    private Orderability() {
    }

    /**
     * @param effective a protocol with any variant already applied ({@link Variants#apply}), within the trial limit
     * @throws PlanningException naming the limit that no order can meet
     */
    public static void require(Protocol effective) {
        ConditionExpander expander = new ConditionExpander(effective);
        TrialOrder order = new TrialOrder(effective.randomisation());
        for (Protocol.Block block : effective.blocks()) {
            for (Map<RunKey, Long> group : expander.runKeyCounts(block)) {
                order.requireOrderable(block.name(), group);
            }
        }
    }
}
