package org.tandem.engine.session;

import org.tandem.protocols.plan.Trial;

/**
 * How a network's session is committed: one durable transaction per block of the plan, and within a long block one per
 * {@value #MAX_TRIALS} trials. Each commit is an fsync, which costs more than a network's answer to a trial whose
 * prediction is cached; a crash loses at most the chunk not yet committed, and a resumed session recomputes it.
 */
public final class ModelCommits {
    /** The most trials one commit holds. */
    public static final int MAX_TRIALS = 256;

    private ModelCommits() {
    }

    /**
     * Whether the chunk in hand, ending with {@code trial}, is committed before {@code next} is answered.
     *
     * @param held trials in the chunk so far
     */
    static boolean endsChunk(int held, Trial trial, Trial next) {
        return held >= MAX_TRIALS || !trial.block().equals(next.block());
    }
}
