package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ComparisonPropertyTest {

    @Property(tries = 200)
    void kendallIsSymmetricBoundedAndOneWithItself(@ForAll @Size(min = 2, max = 60) List<@IntRange(max = 5) Integer> xs,
                                                   @ForAll @Size(min = 60, max = 60) List<@IntRange(max = 5) Integer> ys) {
        double[] x = xs.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = ys.subList(0, x.length).stream().mapToDouble(Integer::doubleValue).toArray();

        CorrelationTest xy = KendallTau.test(x, y);
        CorrelationTest yx = KendallTau.test(y, x);

        assertThat(yx).isEqualTo(xy);
        if (xy.coefficient() != null) {
            assertThat(xy.coefficient()).isBetween(-1.0, 1.0);
            assertThat(xy.p()).isBetween(0.0, 1.0);
        }
        if (Arrays.stream(x).distinct().count() > 1) {
            assertThat(KendallTau.test(x, x).coefficient()).isCloseTo(1, within(1e-12));
        }
    }

    @Property(tries = 40)
    void exactDistributionIsAProbabilityAndSymmetric(@ForAll @IntRange(min = 1, max = 49) int n) {
        double[] p = KendallTau.concordantDistribution(n);

        assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-9));
        for (int k = 0; k < p.length; k++) {
            assertThat(p[k]).isCloseTo(p[p.length - 1 - k], within(1e-15));
        }
    }

    @Property(tries = 200)
    void errorConsistencyIsSymmetricAndAtMostOne(@ForAll @Size(min = 1, max = 40) List<Boolean> first,
                                                 @ForAll @Size(min = 40, max = 40) List<Boolean> second) {
        Map<String, Boolean> a = new LinkedHashMap<>();
        Map<String, Boolean> b = new LinkedHashMap<>();
        for (int i = 0; i < first.size(); i++) {
            a.put("t" + i, first.get(i));
            b.put("t" + i, second.get(i));
        }

        ErrorConsistency ab = ErrorConsistency.between(a, b);

        assertThat(ErrorConsistency.between(b, a).kappa()).isEqualTo(ab.kappa());
        if (ab.kappa() != null) {
            assertThat(ab.kappa()).isLessThanOrEqualTo(1 + 1e-12);
        }
        ErrorConsistency self = ErrorConsistency.between(a, a);
        assertThat(self.kappa() == null ? self.undefinedReason() : self.kappa()).isIn(1.0,
                "expected agreement is 1 (both observers were always right on the matched trials), so kappa is undefined",
                "expected agreement is 1 (both observers were always wrong on the matched trials), so kappa is undefined");
    }

    @Property(tries = 200)
    void theTwoUsAddUpToTheNumberOfPairs(@ForAll @Size(min = 1, max = 20) List<@IntRange(max = 9) Integer> as,
                                         @ForAll @Size(min = 1, max = 20) List<@IntRange(max = 9) Integer> bs) {
        double[] a = as.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] b = bs.stream().mapToDouble(Integer::doubleValue).toArray();

        MannWhitney ab = MannWhitney.test(a, b);
        MannWhitney ba = MannWhitney.test(b, a);

        assertThat(ab.u1() + ba.u1()).isCloseTo((double) a.length * b.length, within(1e-9));
        assertThat(ab.uMin()).isEqualTo(ba.uMin());
        assertThat(ab.p()).isBetween(0.0, 1.0 + 1e-12);
    }
}
