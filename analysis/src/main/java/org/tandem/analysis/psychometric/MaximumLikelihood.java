package org.tandem.analysis.psychometric;

/**
 * Maximum-likelihood estimation: a grid over location and scale finds the best few hills, BOBYQA climbs each within
 * the bounds, and Fisher scoring polishes the best to full precision. Refits of bootstrap and jackknife samples start
 * from the original estimate and use scoring alone, falling back to BOBYQA when scoring does not converge.
 */
final class MaximumLikelihood {
    private static final int STARTS = 3;

    private MaximumLikelihood() {
    }

    static Parameters fit(FitProblem problem) {
        BobyqaSearch search = new BobyqaSearch(problem, 1e-6);
        FisherScoring scoring = new FisherScoring(1e-12);
        Parameters best = null;
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        for (Parameters start : StartGrid.best(problem, STARTS)) {
            Parameters candidate = polish(problem, scoring, search.maximise(start));
            double logLikelihood = problem.logLikelihood(candidate);
            if (best == null || logLikelihood > bestLogLikelihood) {
                best = candidate;
                bestLogLikelihood = logLikelihood;
            }
        }
        return best;
    }

    /** The maximum near a warm start, e.g. the original estimate for a bootstrap sample. */
    static Parameters refit(FitProblem problem, Parameters warmStart, FisherScoring scoring) {
        if (!problem.options.overdispersion()) {
            Parameters scored = scoring.maximise(problem, warmStart);
            if (scored != null) {
                return scored;
            }
        }
        return polish(problem, scoring, new BobyqaSearch(problem, 1e-6).maximise(warmStart));
    }

    private static Parameters polish(FitProblem problem, FisherScoring scoring, Parameters p) {
        if (problem.options.overdispersion()) {
            return p; // scoring knows the binomial likelihood only
        }
        Parameters scored = scoring.maximise(problem, p);
        return scored != null && problem.logLikelihood(scored) >= problem.logLikelihood(p) ? scored : p;
    }
}
