package org.tandem.analysis.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.records.PairAccuracy;

/**
 * Categorical perception in ABX discrimination (Etcoff and Magee 1992; Calder et al. 1996): the accuracy predicted
 * for a pair from identification alone, ½[1 + (pA − pB)²], against the observed ABX accuracy per pair, their Pearson
 * correlation, and whether discrimination peaks at the category boundary.
 *
 * <p>The boundary is the first level at which the identification proportions, taken in level order, reach or cross
 * 50 %, linearly interpolated between the two levels around it. A pair straddles it when low ≤ boundary ≤ high. The
 * peak is at the boundary when the best straddling pair is strictly more accurate than every other pair, so a flat
 * discrimination curve does not count as a peak.
 *
 * @param pairs                    one per ABX pair, in the given order
 * @param boundary                 the identification 50 % point, or null
 * @param boundaryUndefinedReason  null when {@code boundary} is defined
 * @param correlation              Pearson r between predicted and observed accuracy over pairs with a prediction
 * @param peakAtBoundary           null when undefined
 * @param peakUndefinedReason      null when {@code peakAtBoundary} is defined
 */
public record CategoricalPerception(List<PairPrediction> pairs, Double boundary, String boundaryUndefinedReason,
                                    CorrelationTest correlation, Boolean peakAtBoundary, String peakUndefinedReason) {
    static final String PEARSON = "Pearson r";

    public CategoricalPerception {
        pairs = List.copyOf(pairs);
    }

    /**
     * @param observed           ABX accuracy of the pair
     * @param predicted          ½[1 + (pA − pB)²], or null when identification lacks one of the pair's levels
     * @param straddlesBoundary  whether low ≤ boundary ≤ high (false when there is no boundary)
     * @param undefinedReason    null when {@code predicted} is defined
     */
    public record PairPrediction(double low, double high, int correct, int total, double observed, Double predicted,
                                 boolean straddlesBoundary, String undefinedReason) {
    }

    /**
     * @param identification identification proportions along the same continuum (any one of the two labels)
     * @param abx            observed ABX accuracy per pair
     */
    public static CategoricalPerception compare(List<IdentificationPoint> identification, List<PairAccuracy> abx) {
        Map<Double, Double> p = new HashMap<>();
        identification.forEach(point -> p.put(point.level(), point.proportion()));
        Double boundary = boundary(identification);
        List<PairPrediction> pairs = new ArrayList<>();
        for (PairAccuracy pair : abx) {
            Double pa = p.get(pair.low());
            Double pb = p.get(pair.high());
            boolean straddles = boundary != null && pair.low() <= boundary && boundary <= pair.high();
            Double predicted = pa == null || pb == null ? null : (1 + (pa - pb) * (pa - pb)) / 2;
            String reason = predicted != null ? null : "no identification proportion at level "
                    + format(pa == null ? pair.low() : pair.high());
            pairs.add(new PairPrediction(pair.low(), pair.high(), pair.correct(), pair.total(), pair.accuracy(),
                    predicted, straddles, reason));
        }
        String peakReason = boundary == null ? "there is no category boundary"
                : pairs.stream().noneMatch(PairPrediction::straddlesBoundary)
                ? "no ABX pair straddles the boundary at " + format(boundary)
                : pairs.stream().allMatch(PairPrediction::straddlesBoundary)
                ? "every ABX pair straddles the boundary at " + format(boundary) : null;
        Boolean peak = peakReason != null ? null : best(pairs, true) > best(pairs, false);
        return new CategoricalPerception(pairs, boundary,
                boundary == null ? "the identification proportions never reach 50 %" : null,
                correlation(pairs), peak, peakReason);
    }

    private static double best(List<PairPrediction> pairs, boolean straddling) {
        return pairs.stream().filter(q -> q.straddlesBoundary() == straddling)
                .mapToDouble(PairPrediction::observed).max().orElseThrow();
    }

    /** The first 50 % point in level order, linearly interpolated; null when the proportions never reach 50 %. */
    static Double boundary(List<IdentificationPoint> identification) {
        List<IdentificationPoint> sorted = identification.stream()
                .sorted(Comparator.comparingDouble(IdentificationPoint::level)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            IdentificationPoint a = sorted.get(i);
            if (a.proportion() == 0.5) {
                return a.level();
            }
            if (i + 1 < sorted.size()) {
                IdentificationPoint b = sorted.get(i + 1);
                if ((a.proportion() - 0.5) * (b.proportion() - 0.5) < 0) {
                    return a.level() + (0.5 - a.proportion()) / (b.proportion() - a.proportion()) * (b.level() - a.level());
                }
            }
        }
        return null;
    }

    private static CorrelationTest correlation(List<PairPrediction> pairs) {
        List<PairPrediction> usable = pairs.stream().filter(q -> q.predicted() != null).toList();
        int n = usable.size();
        if (n < 3) {
            return CorrelationTest.undefined(PEARSON, n, "needs at least 3 pairs with a prediction, got " + n);
        }
        double[][] columns = new double[n][2];
        for (int i = 0; i < n; i++) {
            columns[i][0] = usable.get(i).predicted();
            columns[i][1] = usable.get(i).observed();
        }
        if (constant(columns, 0) || constant(columns, 1)) {
            return CorrelationTest.undefined(PEARSON, n, "predicted or observed accuracy is the same for every pair");
        }
        PearsonsCorrelation pearson = new PearsonsCorrelation(columns);
        return new CorrelationTest(PEARSON, n, pearson.getCorrelationMatrix().getEntry(0, 1),
                pearson.getCorrelationPValues().getEntry(0, 1), "t distribution with n - 2 degrees of freedom", null);
    }

    private static boolean constant(double[][] columns, int column) {
        for (double[] row : columns) {
            if (row[column] != columns[0][column]) {
                return false;
            }
        }
        return true;
    }

    /** A level for messages: at most 3 decimals, no trailing zeros (23.333, 50). */
    private static String format(double level) {
        return BigDecimal.valueOf(level).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
