package org.tandem.analysis.psychometric;

/**
 * Maximum-likelihood estimation: a grid over location and scale finds the best few hills, BOBYQA climbs each within
 * the bounds, and bounded Newton steps polish the best to full precision. Refits of bootstrap and jackknife samples start
 * from the original estimate and use Newton steps alone, falling back to BOBYQA when they do not converge.
 */
final class MaximumLikelihood {
    private static final int STARTS = 3;

    private MaximumLikelihood() {
    }

    static Parameters fit(FitProblem problem) {
        BobyqaSearch search = new BobyqaSearch(problem, 1e-4);
        BoundedNewton newton = new BoundedNewton(1e-12);
        Parameters best = null;
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        for (Parameters start : StartGrid.best(problem, STARTS)) {
            Parameters candidate = polish(problem, newton, search.maximise(start));
            double logLikelihood = problem.logLikelihood(candidate);
            if (best == null || logLikelihood > bestLogLikelihood) {
                best = candidate;
                bestLogLikelihood = logLikelihood;
            }
        }
        return best;
    }

    /** The maximum near a warm start, e.g. the original estimate for a bootstrap sample. */
    static Parameters refit(FitProblem problem, Parameters warmStart, BoundedNewton newton) {
        if (!problem.options.overdispersion()) {
            Parameters scored = newton.maximise(problem, warmStart);
            if (scored != null) {
                return scored;
            }
        }
        return polish(problem, newton, new BobyqaSearch(problem, 1e-6).maximise(warmStart));
    }

    private static Parameters polish(FitProblem problem, BoundedNewton newton, Parameters p) {
        if (problem.options.overdispersion()) {
            return p; // the Newton steps know only the binomial likelihood
        }
        Parameters scored = newton.maximise(problem, p);
        return scored != null && problem.logLikelihood(scored) >= problem.logLikelihood(p) ? scored : p;
    }
}
