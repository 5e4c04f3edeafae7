package org.tandem.analysis.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The shape of an identification curve (Zhou et al.): linear, quadratic and two-parameter logistic functions fitted by
 * unweighted least squares to the identification proportions, so that the three R² are the same quantity; the shape
 * with the highest R² is the best. A logistic that fits best is the signature of categorical perception, a line that
 * of responses following the physical morph. The quadratic contains the line, so its R² is never below the line's.
 * (Maximum-likelihood psychometric fits are a separate analysis.)
 *
 * @param fits            linear, quadratic, logistic, in that order
 * @param best            the shape with the highest R² among the defined fits (the simpler shape on a tie), or null
 * @param undefinedReason null when {@code best} is defined
 */
public record CurveShapes(List<ShapeFit> fits, Shape best, String undefinedReason) {
    private static final int MAX_ITERATIONS = 10_000;

    public CurveShapes {
        fits = List.copyOf(fits);
    }

    public ShapeFit fit(Shape shape) {
        return fits.stream().filter(f -> f.shape() == shape).findFirst().orElseThrow();
    }

    public static CurveShapes fit(List<IdentificationPoint> points) {
        List<IdentificationPoint> sorted = points.stream().sorted(Comparator.comparingDouble(IdentificationPoint::level)).toList();
        double[] x = sorted.stream().mapToDouble(IdentificationPoint::level).toArray();
        double[] y = sorted.stream().mapToDouble(IdentificationPoint::proportion).toArray();
        List<ShapeFit> fits = List.of(polynomial(Shape.LINEAR, x, y), polynomial(Shape.QUADRATIC, x, y), logistic(x, y));
        ShapeFit best = null;
        for (ShapeFit f : fits) {
            if (f.rSquared() != null && (best == null || f.rSquared() > best.rSquared())) {
                best = f;
            }
        }
        return best == null
                ? new CurveShapes(fits, null, "no shape could be fitted: " + fits.get(0).undefinedReason())
                : new CurveShapes(fits, best.shape(), null);
    }

    private static ShapeFit polynomial(Shape shape, double[] x, double[] y) {
        String problem = problem(shape, x, y);
        if (problem != null) {
            return ShapeFit.undefined(shape, problem);
        }
        int degree = shape.parameters() - 1;
        double[][] design = new double[x.length][degree];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < degree; d++) {
                design[i][d] = Math.pow(x[i], d + 1);
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, design);
        try {
            double[] beta = ols.estimateRegressionParameters();
            return defined(shape, beta, xi -> {
                double sum = 0;
                for (int d = 0; d < beta.length; d++) {
                    sum += beta[d] * Math.pow(xi, d);
                }
                return sum;
            }, x, y);
        } catch (SingularMatrixException e) {
            return ShapeFit.undefined(shape, "the levels do not determine a " + shape.name().toLowerCase() + " fit");
        }
    }

    private static ShapeFit logistic(double[] x, double[] y) {
        String problem = problem(Shape.LOGISTIC, x, y);
        if (problem != null) {
            return ShapeFit.undefined(Shape.LOGISTIC, problem);
        }
        List<WeightedObservedPoint> observed = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            observed.add(new WeightedObservedPoint(1, x[i], y[i]));
        }
        double range = x[x.length - 1] - x[0];
        double trend = Math.signum(y[y.length - 1] - y[0]);
        double[] start = {(x[0] + x[x.length - 1]) / 2, (trend == 0 ? 1 : trend) * 4 / range};
        try {
            double[] fitted = SimpleCurveFitter.create(LOGISTIC, start).withMaxIterations(MAX_ITERATIONS).fit(observed);
            return defined(Shape.LOGISTIC, fitted, xi -> LOGISTIC.value(xi, fitted), x, y);
        } catch (TooManyIterationsException | ConvergenceException e) {
            return ShapeFit.undefined(Shape.LOGISTIC, "the logistic fit did not converge (" + e.getMessage() + ")");
        }
    }

    /** Why a shape cannot be fitted to these points, or null. */
    private static String problem(Shape shape, double[] x, double[] y) {
        long distinct = Arrays.stream(x).distinct().count();
        if (distinct <= shape.parameters()) {
            return "needs more than " + shape.parameters() + " distinct levels, got " + distinct;
        }
        double first = y[0];
        if (Arrays.stream(y).allMatch(v -> v == first)) {
            return "the proportions do not vary, so R² is undefined";
        }
        return null;
    }

    private static ShapeFit defined(Shape shape, double[] parameters, DoubleUnaryOperator curve,
                                    double[] x, double[] y) {
        double mean = Arrays.stream(y).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            residual += Math.pow(y[i] - curve.applyAsDouble(x[i]), 2);
            total += Math.pow(y[i] - mean, 2);
        }
        List<Double> values = Arrays.stream(parameters).boxed().toList();
        return new ShapeFit(shape, values, 1 - residual / total, null);
    }

    /** 1 / (1 + exp(-k (x - x0))) with its gradient in (x0, k). */
    private static final ParametricUnivariateFunction LOGISTIC = new ParametricUnivariateFunction() {
        @Override
        public double value(double x, double... p) {
            return 1 / (1 + Math.exp(-p[1] * (x - p[0])));
        }

        @Override
        public double[] gradient(double x, double... p) {
            double f = value(x, p);
            double slope = f * (1 - f);
            return new double[] {-p[1] * slope, (x - p[0]) * slope};
        }
    };
}
