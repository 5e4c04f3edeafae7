package org.tandem.observer.readout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 with the two-loop recursion 7.5) with a
 * backtracking Armijo line search, for smooth convex objectives such as the regularised softmax loss. Commons Math offers
 * only non-linear conjugate gradient with a Brent line search, which needs many more evaluations per step. Pairs failing
 * the curvature condition are skipped, which keeps the inverse-Hessian estimate positive definite.
 */
final class Lbfgs {
    /** f(x), writing ∇f(x) into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Where the search stopped: the point, its value and gradient size, and the iterations taken. */
    record Result(double[] x, double value, double gradientMaxAbs, int iterations, boolean converged) {
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;

    private final double gradientTolerance;
    private final int maxIterations;

    /**
     * @param gradientTolerance stop when max |∂f/∂x_i| falls to this
     * @param maxIterations     stop after this many steps in any case
     */
    Lbfgs(double gradientTolerance, int maxIterations) {
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    Result minimise(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double value = f.valueAndGradient(x, g);
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        int iteration = 0;
        while (iteration < maxIterations) {
            if (LinearAlgebra.maxAbs(g) <= gradientTolerance) {
                return new Result(x, value, LinearAlgebra.maxAbs(g), iteration, true);
            }
            double[] direction = direction(g, pairs);
            double slope = LinearAlgebra.dot(g, direction);
            if (slope >= 0) {
                pairs.clear();
                direction = negated(g);
                slope = LinearAlgebra.dot(g, direction);
            }
            // Without curvature pairs the first step is scaled to unit length; afterwards the quasi-Newton step of 1.
            double step = pairs.isEmpty() ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double trialValue;
            int halvings = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * direction[i];
                }
                trialValue = f.valueAndGradient(trial, trialGradient);
                if (trialValue <= value + ARMIJO * step * slope || halvings++ >= 60) {
                    break;
                }
                step /= 2;
            }
            if (!(trialValue < value)) {
                // no decrease at all: the point is as good as floating point can tell
                return new Result(x, value, LinearAlgebra.maxAbs(g), iteration, LinearAlgebra.maxAbs(g) <= gradientTolerance);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = trial[i] - x[i];
                y[i] = trialGradient[i] - g[i];
            }
            if (LinearAlgebra.dot(s, y) > 1e-10 * Math.sqrt(LinearAlgebra.dot(s, s) * LinearAlgebra.dot(y, y))) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > MEMORY) {
                    pairs.removeFirst();
                }
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            value = trialValue;
            iteration++;
        }
        return new Result(x, value, LinearAlgebra.maxAbs(g), iteration, LinearAlgebra.maxAbs(g) <= gradientTolerance);
    }

    /** −H∇f by the two-loop recursion over the stored (s, y) pairs, oldest first in the deque. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = negated(g);
        double[] alpha = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); k--) {
            double[][] pair = it.next();
            alpha[k] = LinearAlgebra.dot(pair[0], q) / LinearAlgebra.dot(pair[0], pair[1]);
            LinearAlgebra.axpy(-alpha[k], pair[1], q);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.peekLast();
            double gamma = LinearAlgebra.dot(last[0], last[1]) / LinearAlgebra.dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] pair : pairs) {
            double beta = LinearAlgebra.dot(pair[1], q) / LinearAlgebra.dot(pair[0], pair[1]);
            LinearAlgebra.axpy(alpha[k] - beta, pair[0], q);
            k++;
        }
        return q;
    }

    private static double[] negated(double[] g) {
        double[] d = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
        return d;
    }
}
