package org.tandem.analysis.psychometric;

/**
 * Leave-one-trial-out refits for the acceleration of BCa intervals. Trials at one level with the same answer are
 * interchangeable, so each (level, answer) pair is refitted once and weighted by its count.
 */
final class Jackknife {
    /** values[quantity][case] and the number of trials each case stands for. */
    record Cases(double[][] values, double[] weights) {
    }

    private Jackknife() {
    }

    static Cases run(FitProblem problem, Parameters estimate) {
        int levels = problem.u.length;
        double[][] values = new double[Quantity.values().length][2 * levels];
        double[] weights = new double[2 * levels];
        BoundedNewton newton = new BoundedNewton(1e-10);
        for (int c = 0; c < 2 * levels; c++) {
            int i = c / 2;
            boolean yes = c % 2 == 0;
            weights[c] = yes ? problem.k[i] : problem.n[i] - problem.k[i];
            if (weights[c] == 0) {
                continue;
            }
            int[] k = problem.k.clone();
            int[] n = problem.n.clone();
            n[i]--;
            k[i] -= yes ? 1 : 0;
            FitProblem without = problem.withCounts(k, n);
            CurveSummary s = CurveSummary.of(without, MaximumLikelihood.refit(without, estimate, newton), false);
            for (Quantity q : Quantity.values()) {
                values[q.ordinal()][c] = s.value(q);
            }
        }
        return new Cases(values, weights);
    }

    /** Efron's acceleration a = Σ w d³ / (6 (Σ w d²)^1.5), d = weighted mean − leave-one-out value. */
    static double acceleration(double[] values, double[] weights) {
        double total = 0;
        double mean = 0;
        for (int c = 0; c < values.length; c++) {
            if (weights[c] > 0 && !Double.isNaN(values[c])) {
                total += weights[c];
                mean += weights[c] * values[c];
            }
        }
        mean /= total;
        double squares = 0;
        double cubes = 0;
        for (int c = 0; c < values.length; c++) {
            if (weights[c] > 0 && !Double.isNaN(values[c])) {
                double d = mean - values[c];
                squares += weights[c] * d * d;
                cubes += weights[c] * d * d * d;
            }
        }
        return squares > 0 ? cubes / (6 * Math.pow(squares, 1.5)) : 0;
    }
}
