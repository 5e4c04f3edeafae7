package org.tandem.analysis.psychometric;

/**
 * Everything that decides a psychometric fit: the task (n-AFC with its fixed guess rate 1/n, or yes/no with the
 * guess rate free), the sigmoid, the lapse rate, optional beta-binomial overdispersion, and the bootstrap.
 *
 * @param alternatives  n of an n-AFC task, or 0 for yes/no (identification) data
 * @param bootstrap     parametric bootstrap samples for intervals and goodness of fit (0: none)
 * @param seed          seeds the bootstrap; sample b uses its own sub-stream, so results do not depend on threads
 * @param ciLevel       coverage of the intervals, e.g. 0.95
 * @param direction     whether the curve rises or falls with the level, or is decided from the data
 */
public record FitOptions(int alternatives, Sigmoid sigmoid, Asymptote guess, Asymptote lapse, boolean overdispersion,
                         int bootstrap, long seed, double ciLevel, IntervalMethod intervals, Direction direction) {
    public static final int DEFAULT_BOOTSTRAP = 2000;

    public FitOptions {
        if (alternatives < 0 || alternatives == 1) {
            throw new IllegalArgumentException("alternatives must be 0 (yes/no) or at least 2, got " + alternatives);
        }
        direction = direction == null ? Direction.INCREASING : direction;
        if (bootstrap < 0 || !(ciLevel > 0 && ciLevel < 1)) {
            throw new IllegalArgumentException("bootstrap " + bootstrap + " or CI level " + ciLevel + " out of range");
        }
    }

    /** n-AFC: guess fixed at 1/n, lapse free in [0, 0.05], cumulative normal, 2000 bootstrap samples, seed 1. */
    public static FitOptions nAfc(int alternatives) {
        return new FitOptions(alternatives, Sigmoid.CUMULATIVE_NORMAL, Asymptote.fixed(1.0 / alternatives),
                Asymptote.free(Asymptote.DEFAULT_MAX), false, DEFAULT_BOOTSTRAP, 1, 0.95, IntervalMethod.PERCENTILE, Direction.INCREASING);
    }

    /** Yes/no identification: guess and lapse each free in [0, 0.05]; otherwise as {@link #nAfc}. */
    public static FitOptions yesNo() {
        return new FitOptions(0, Sigmoid.CUMULATIVE_NORMAL, Asymptote.free(Asymptote.DEFAULT_MAX),
                Asymptote.free(Asymptote.DEFAULT_MAX), false, DEFAULT_BOOTSTRAP, 1, 0.95, IntervalMethod.PERCENTILE, Direction.INCREASING);
    }

    public boolean yesNoTask() {
        return alternatives == 0;
    }

    /** "yes/no" or "2AFC", "4AFC", ... */
    public String taskName() {
        return yesNoTask() ? "yes/no" : alternatives + "AFC";
    }

    public FitOptions withSigmoid(Sigmoid s) {
        return new FitOptions(alternatives, s, guess, lapse, overdispersion, bootstrap, seed, ciLevel, intervals,
                direction);
    }

    public FitOptions withGuess(Asymptote g) {
        return new FitOptions(alternatives, sigmoid, g, lapse, overdispersion, bootstrap, seed, ciLevel, intervals,
                direction);
    }

    public FitOptions withLapse(Asymptote l) {
        return new FitOptions(alternatives, sigmoid, guess, l, overdispersion, bootstrap, seed, ciLevel, intervals,
                direction);
    }

    public FitOptions withOverdispersion(boolean on) {
        return new FitOptions(alternatives, sigmoid, guess, lapse, on, bootstrap, seed, ciLevel, intervals,
                direction);
    }

    public FitOptions withBootstrap(int samples, long newSeed) {
        return new FitOptions(alternatives, sigmoid, guess, lapse, overdispersion, samples, newSeed, ciLevel, intervals,
                direction);
    }

    public FitOptions withDirection(Direction d) {
        return new FitOptions(alternatives, sigmoid, guess, lapse, overdispersion, bootstrap, seed, ciLevel, intervals,
                d);
    }

    public FitOptions withIntervals(IntervalMethod method, double level) {
        return new FitOptions(alternatives, sigmoid, guess, lapse, overdispersion, bootstrap, seed, level, method,
                direction);
    }
}
