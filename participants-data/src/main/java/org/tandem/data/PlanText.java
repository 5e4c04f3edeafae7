package org.tandem.data;

import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A plan as the session row stores it: its JSON and that JSON's SHA-256, serialised once (a plan of a few hundred trials
 * takes milliseconds), and before the store's single writer is taken.
 */
record PlanText(String json, String sha256) {
    static PlanText of(TrialPlan plan) {
        String json = plan.toJson();
        return new PlanText(json, CanonicalJson.sha256(json));
    }
}
