package org.tandem.data;

import java.util.List;
import java.util.OptionalInt;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Where a resumed session continues.
 *
 * @param session the session as stored (status running again)
 * @param plan    the stored plan, verified against its SHA-256
 * @param missing the plan indices without a record, in plan order
 */
public record ResumePoint(SessionSummary session, TrialPlan plan, List<Integer> missing) {
    public ResumePoint {
        missing = List.copyOf(missing);
    }

    public String sessionId() {
        return session.sessionId();
    }

    /** The first missing plan index; empty when every trial has a record (the session only needs finishing). */
    public OptionalInt next() {
        return missing.isEmpty() ? OptionalInt.empty() : OptionalInt.of(missing.get(0));
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
