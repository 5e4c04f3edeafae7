package org.tandem.analysis.compare;

import java.util.Map;

/**
 * Trial-by-trial error consistency of two observers (Geirhos et al. 2020) over the trials both answered, matched by
 * trial id: kappa = (c_obs - c_exp) / (1 - c_exp), where c_obs is the share of matched trials both got right or both
 * got wrong and c_exp = p1 p2 + (1 - p1)(1 - p2) the share expected from their accuracies p1, p2 on those trials alone.
 *
 * @param matchedTrials      trials present in both observers' data
 * @param observedAgreement  c_obs, or null when no trials match
 * @param expectedAgreement  c_exp, or null when no trials match
 * @param kappa              null when undefined
 * @param accuracy1          p1 on the matched trials, or null when no trials match
 * @param accuracy2          p2 on the matched trials, or null when no trials match
 * @param undefinedReason    null when kappa is defined
 */
public record ErrorConsistency(int matchedTrials, Double observedAgreement, Double expectedAgreement, Double kappa,
                               Double accuracy1, Double accuracy2, String undefinedReason) {

    /** @param first, second trial id → answered correctly (see {@code TrialData.correctByTrial}) */
    public static ErrorConsistency between(Map<String, Boolean> first, Map<String, Boolean> second) {
        int n = 0;
        int agree = 0;
        int right1 = 0;
        int right2 = 0;
        for (Map.Entry<String, Boolean> e : first.entrySet()) {
            Boolean other = second.get(e.getKey());
            if (other == null) {
                continue;
            }
            n++;
            agree += e.getValue().equals(other) ? 1 : 0;
            right1 += e.getValue() ? 1 : 0;
            right2 += other ? 1 : 0;
        }
        if (n == 0) {
            return new ErrorConsistency(0, null, null, null, null, null,
                    "no trial ids in common; error consistency needs both observers to answer the same trials");
        }
        double observed = (double) agree / n;
        double p1 = (double) right1 / n;
        double p2 = (double) right2 / n;
        double expected = p1 * p2 + (1 - p1) * (1 - p2);
        if (expected == 1) {
            return new ErrorConsistency(n, observed, expected, null, p1, p2, "expected agreement is 1 (both observers"
                    + " were " + (p1 == 1 ? "always right" : "always wrong") + " on the matched trials), so kappa is undefined");
        }
        String constant = constant("first", p1) != null ? constant("first", p1) : constant("second", p2);
        if (constant != null) {
            // with one observer's answers all alike, c_obs = c_exp exactly, so kappa is 0 whatever the other does
            return new ErrorConsistency(n, observed, expected, null, p1, p2, "the " + constant + " on the " + n
                    + " matched trials, so kappa would be 0 whatever the other observer did: kappa is undefined");
        }
        return new ErrorConsistency(n, observed, expected, (observed - expected) / (1 - expected), p1, p2, null);
    }

    private static String constant(String which, double p) {
        return p == 1 ? which + " observer was always right" : p == 0 ? which + " observer was always wrong" : null;
    }
}
