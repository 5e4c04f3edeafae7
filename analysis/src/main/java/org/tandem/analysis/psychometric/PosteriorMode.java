package org.tandem.analysis.psychometric;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The posterior mode (MAP): the log posterior climbed from the grid's best point, as psignifit's
 * {@code maximize_posterior} does ({@code psignifit/_posterior.py}; it uses Nelder–Mead without bounds). Tandem uses
 * Powell's BOBYQA within the priors' support, on coordinates that measure each free parameter in units of its fine
 * grid's extent. Parameters with one grid value stay fixed at it, as in psignifit.
 */
final class PosteriorMode {
    private static final int MAX_EVALUATIONS = 20_000;
    /** BOBYQA's first trust-region radius, in fine-grid extents, for the first attempt and the ones after a failure. */
    private static final double[] RADII = {0.05, 0.01, 0.002};
    private static final double FINAL_RADIUS = 1e-9;
    /** Below the start's log posterior by this much stands for −∞ (outside the priors' support), which BOBYQA cannot take. */
    private static final double FLOOR = 1e4;

    private PosteriorMode() {
    }

    /** threshold, width, guess, lapse and η at the mode. */
    static double[] find(PosteriorModel model, PosteriorGrid grid) {
        double[] start = grid.best.clone();
        int[] axes = java.util.stream.IntStream.range(0, PsignifitPriors.COUNT).filter(j -> grid.axes[j].length > 1)
                .toArray();
        int count = axes.length;
        double[] origin = new double[count];
        double[] unit = new double[count];
        double[] lower = new double[count];
        double[] upper = new double[count];
        double[] x0 = new double[count];
        for (int a = 0; a < count; a++) {
            double[] values = grid.axes[axes[a]];
            origin[a] = values[0];
            unit[a] = values[values.length - 1] - values[0];
            lower[a] = (model.priors.lower(axes[a]) - origin[a]) / unit[a];
            upper[a] = (model.priors.upper(axes[a]) - origin[a]) / unit[a];
            x0[a] = (start[axes[a]] - origin[a]) / unit[a];
        }
        double startValue = value(model, start);
        double floor = startValue - FLOOR;
        java.util.function.Function<double[], double[]> point = x -> {
            double[] p = start.clone();
            for (int a = 0; a < count; a++) {
                p[axes[a]] = Math.min(model.priors.upper(axes[a]),
                        Math.max(model.priors.lower(axes[a]), origin[a] + x[a] * unit[a]));
            }
            return p;
        };
        if (count < 2) {
            return start;
        }
        // the best point any attempt has evaluated: Commons Math's BOBYQA can stop with an exception ("trust region
        // step has failed to reduce Q"), after which the next attempt starts from there with a smaller radius
        double[] bestX = x0.clone();
        double[] bestValue = {startValue};
        for (double radius : RADII) {
            double[] from = bestX.clone();
            try {
                new BOBYQAOptimizer(2 * count + 1, radius, FINAL_RADIUS).optimize(new MaxEval(MAX_EVALUATIONS),
                        new ObjectiveFunction(x -> {
                            double v = Math.max(floor, value(model, point.apply(x)));
                            if (v > bestValue[0]) {
                                bestValue[0] = v;
                                System.arraycopy(x, 0, bestX, 0, count);
                            }
                            return v;
                        }), GoalType.MAXIMIZE, new InitialGuess(from), new SimpleBounds(lower, upper));
                break;
            } catch (MathIllegalStateException e) { // TooManyEvaluationsException too
                // go on from the best point so far
            }
        }
        return point.apply(bestX);
    }

    private static double value(PosteriorModel model, double[] p) {
        double v = model.logPosterior(p[0], p[1], p[2], p[3], p[4]);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
