package org.tandem.analysis.psychometric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Starting points for the optimiser: the best cells of a location × log-scale grid over the tested range, with the
 * free asymptotes at their starting values. Local optimisers started from a bad point can stop on a ridge of the
 * likelihood; starting from the grid's best cells avoids that.
 */
final class StartGrid {
    private static final int LOCATIONS = 41;
    private static final int SCALES = 30;

    private StartGrid() {
    }

    static List<Parameters> best(FitProblem problem, int count) {
        double guess = problem.options.guess().value();
        double lapse = problem.options.lapse().value();
        double eta = problem.free(4) ? 0.05 : 0;
        double locFrom = problem.uMin - 0.25 * problem.uRange;
        double locStep = 1.5 * problem.uRange / (LOCATIONS - 1);
        // widths from half the finest step ... three tested ranges: the range a sensible design can resolve
        double sFrom = Math.log(Math.max(problem.lower[1] * 50, 1e-300));
        double sTo = Math.log(3 * problem.uRange / problem.unitWidth);
        List<Scored> cells = new ArrayList<>();
        for (int i = 0; i < LOCATIONS; i++) {
            for (int j = 0; j < SCALES; j++) {
                Parameters p = new Parameters(locFrom + i * locStep,
                        Math.exp(sFrom + (sTo - sFrom) * j / (SCALES - 1)), guess, lapse, 0);
                cells.add(new Scored(p, problem.logLikelihood(p)));
            }
        }
        cells.sort(Comparator.comparingDouble(Scored::logLikelihood).reversed());
        List<Parameters> starts = new ArrayList<>();
        for (Scored c : cells) {
            if (starts.size() == count) {
                break;
            }
            if (starts.stream().noneMatch(s -> neighbours(s, c.parameters(), locStep))) {
                starts.add(c.parameters().withEta(eta));
            }
        }
        return starts;
    }

    /** Adjacent cells sit on the same hill; the starts should sample different hills. */
    private static boolean neighbours(Parameters a, Parameters b, double locStep) {
        return Math.abs(a.location() - b.location()) <= 1.5 * locStep
                && Math.abs(Math.log(a.scale() / b.scale())) <= 0.5;
    }

    private record Scored(Parameters parameters, double logLikelihood) {
    }
}
