package org.tandem.analysis.psychometric;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Bounded maximum likelihood with Powell's BOBYQA (Commons Math), derivative-free, for any likelihood (beta-binomial
 * included). BOBYQA uses one trust-region radius for all coordinates, so it works on rescaled coordinates of
 * similar size: location in tested ranges, log scale, and each free bounded parameter mapped onto [0, 1].
 */
final class BobyqaSearch {
    private static final int MAX_EVALUATIONS = 20_000;

    private final FitProblem problem;
    private final int[] free;
    private final double stoppingRadius;

    /** @param stoppingRadius final trust-region radius in rescaled coordinates (Newton steps polish afterwards) */
    BobyqaSearch(FitProblem problem, double stoppingRadius) {
        this.problem = problem;
        this.stoppingRadius = stoppingRadius;
        int count = 0;
        int[] indices = new int[5];
        for (int j = 0; j < 5; j++) {
            if (problem.free(j)) {
                indices[count++] = j;
            }
        }
        this.free = java.util.Arrays.copyOf(indices, count);
    }

    /** The maximum found from the start, or the start itself if the optimiser gives up or fails. */
    Parameters maximise(Parameters start) {
        double[] lo = new double[free.length];
        double[] hi = new double[free.length];
        for (int a = 0; a < free.length; a++) {
            lo[a] = toCoordinate(free[a], problem.lower[free[a]]);
            hi[a] = toCoordinate(free[a], problem.upper[free[a]]);
        }
        double[] x0 = toCoordinates(start);
        for (int a = 0; a < free.length; a++) {
            // BOBYQA wants the start at least one initial radius away from a bound it could move towards
            x0[a] = Math.min(hi[a] - 0.1, Math.max(lo[a] + 0.1, x0[a]));
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * free.length + 1, 0.1, stoppingRadius);
        try {
            PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                    new ObjectiveFunction(x -> problem.logLikelihood(toParameters(x, start))),
                    GoalType.MAXIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi));
            return toParameters(best.getPoint(), start);
        } catch (MathIllegalStateException e) {
            // too many evaluations, or Commons Math's "trust region step has failed to reduce Q"
            return start;
        }
    }

    private double toCoordinate(int index, double value) {
        return switch (index) {
            case 0 -> (value - problem.uMin) / problem.uRange;
            case 1 -> Math.log(value / problem.uRange);
            default -> (value - problem.lower[index]) / (problem.upper[index] - problem.lower[index]);
        };
    }

    private double fromCoordinate(int index, double c) {
        return switch (index) {
            case 0 -> problem.uMin + c * problem.uRange;
            case 1 -> problem.uRange * Math.exp(c);
            default -> problem.lower[index] + c * (problem.upper[index] - problem.lower[index]);
        };
    }

    private double[] toCoordinates(Parameters p) {
        double[] all = values(p);
        double[] x = new double[free.length];
        for (int a = 0; a < free.length; a++) {
            x[a] = toCoordinate(free[a], all[free[a]]);
        }
        return x;
    }

    private Parameters toParameters(double[] x, Parameters fixedFrom) {
        double[] all = values(fixedFrom);
        for (int a = 0; a < free.length; a++) {
            all[free[a]] = Math.min(problem.upper[free[a]],
                    Math.max(problem.lower[free[a]], fromCoordinate(free[a], x[a])));
        }
        return new Parameters(all[0], all[1], all[2], all[3], all[4]);
    }

    static double[] values(Parameters p) {
        return new double[] {p.location(), p.scale(), p.guess(), p.lapse(), p.eta()};
    }
}
