package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorConsistencyTest {

    static Map<String, Boolean> correct(String ids, String outcomes) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.length(); i++) {
            out.put(String.valueOf(ids.charAt(i)), outcomes.charAt(i) == '1');
        }
        return out;
    }

    @Test
    void kappaByHand() {
        // matched trials a-d: first 1,1,1,0; second 1,1,0,0 (trial e only in first, f only in second: ignored)
        // c_obs = 3/4 (a, b, d agree); p1 = 3/4, p2 = 1/2; c_exp = .75 × .5 + .25 × .5 = .5
        // kappa = (.75 - .5) / (1 - .5) = .5
        ErrorConsistency k = ErrorConsistency.between(correct("abcde", "11100"), correct("abcdf", "11001"));

        assertThat(k.matchedTrials()).isEqualTo(4);
        assertThat(k.observedAgreement()).isEqualTo(0.75);
        assertThat(k.accuracy1()).isEqualTo(0.75);
        assertThat(k.accuracy2()).isEqualTo(0.5);
        assertThat(k.expectedAgreement()).isEqualTo(0.5);
        assertThat(k.kappa()).isCloseTo(0.5, within(1e-12));
        assertThat(k.undefinedReason()).isNull();
    }

    @Test
    void independentErrorsGiveZeroAndOppositeErrorsNegative() {
        // 1,1,0,0 vs 1,0,0,1: c_obs = 1/2, p1 = p2 = 1/2, c_exp = 1/2 → kappa 0
        assertThat(ErrorConsistency.between(correct("abcd", "1100"), correct("abcd", "1001")).kappa()).isZero();
        // 1,1,0,0 vs 0,0,1,1: c_obs = 0, c_exp = 1/2 → kappa = -1
        assertThat(ErrorConsistency.between(correct("abcd", "1100"), correct("abcd", "0011")).kappa()).isEqualTo(-1.0);
    }

    @Test
    void noMatchingTrialsIsUndefined() {
        ErrorConsistency k = ErrorConsistency.between(correct("ab", "10"), correct("cd", "10"));

        assertThat(k.matchedTrials()).isZero();
        assertThat(k.kappa()).isNull();
        assertThat(k.undefinedReason()).startsWith("no trial ids in common");
    }

    @Test
    void anObserverWithoutErrorsOrWithoutHitsLeavesKappaUndefined() {
        ErrorConsistency same = ErrorConsistency.between(correct("abc", "111"), correct("abc", "111"));
        assertThat(same.expectedAgreement()).isEqualTo(1.0);
        assertThat(same.kappa()).isNull();
        assertThat(same.undefinedReason()).contains("always right");

        // p1 = 1, p2 = 0: c_exp = 0, c_obs = 0 → kappa would be 0
        ErrorConsistency opposite = ErrorConsistency.between(correct("abc", "111"), correct("abc", "000"));
        assertThat(opposite.kappa()).isNull();
        assertThat(opposite.undefinedReason()).startsWith("the first observer was always right on the 3 matched trials");

        // p1 = 2/3, p2 = 1: c_obs = c_exp = 2/3, kappa would be 0 by construction (the identity network)
        ErrorConsistency perfect = ErrorConsistency.between(correct("abc", "110"), correct("abc", "111"));
        assertThat(perfect.observedAgreement()).isEqualTo(perfect.expectedAgreement());
        assertThat(perfect.kappa()).isNull();
        assertThat(perfect.undefinedReason()).contains("second observer was always right", "kappa is undefined");
    }
}
