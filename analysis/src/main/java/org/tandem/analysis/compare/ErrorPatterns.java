package org.tandem.analysis.compare;

import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.confusion.ProportionMatrix;
import org.tandem.protocols.TandemException;

/**
 * Similarity of two confusion matrices' error patterns (Zhou et al.): Kendall's tau-b between their off-diagonal
 * proportions (the error rates, row-major), over rows defined in both matrices.
 */
public final class ErrorPatterns {
    private ErrorPatterns() {
    }

    public static CorrelationTest kendall(ProportionMatrix a, ProportionMatrix b) {
        if (!a.labels().equals(b.labels())) {
            throw new TandemException("cannot compare confusion matrices with labels " + a.labels() + " and "
                    + b.labels() + "; compare observers of the same protocol");
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.rowDefined(i) || !b.rowDefined(i)) {
                continue;
            }
            for (int j = 0; j < a.size(); j++) {
                if (i != j) {
                    x.add(a.value(i, j));
                    y.add(b.value(i, j));
                }
            }
        }
        return KendallTau.test(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
