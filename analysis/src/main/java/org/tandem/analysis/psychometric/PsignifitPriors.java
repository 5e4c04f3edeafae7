package org.tandem.analysis.psychometric;

/**
 * python-psignifit 4's default priors and parameter bounds, on the fit's axis (ln x for the Weibull; mirrored for a
 * falling curve, which leaves every prior as it is). Taken from python-psignifit 4.3 (commit f063e4e, unchanged at
 * 29efbe5): {@code psignifit/_priors.py} and {@code psignifit/_parameter.py}, with the stimulus range (s0, s1) of the
 * tested levels, its spread r = s1 − s0 and the smallest difference d between two tested levels
 * ({@code psignifit/psignifit.py}):
 * <ul>
 *   <li>threshold (Tandem's location, where the unscaled sigmoid is 0.5): 1 on (s0, s1), falling as
 *   (1 + cos(2π·t/r))/2 over a distance t up to r/2 outside the range; bounds [s0 − r/2, s1 + r/2];</li>
 *   <li>width (x(0.95) − x(0.05) of the unscaled sigmoid): 1 on (2d, r), rising as (1 − cos(π·(w − d)/d))/2 from d
 *   to 2d and falling as (1 + cos(π/2·(w − r)/r))/2 from r to 3r; bounds [d, 3r];</li>
 *   <li>lapse λ and, for yes/no, guess γ: Beta(1, 10), density 10·(1 − x)^9; bounds [0, 0.5] by default (a free
 *   asymptote's own maximum otherwise; a fixed one has no prior);</li>
 *   <li>overdispersion η: Beta(1, 10) on [0, 1 − 10⁻¹⁰] (none when the binomial model is asked for: η = 0).</li>
 * </ul>
 * Where two pieces meet (a narrow range with r &lt; 2d), the later one in that list wins, as in psignifit's array
 * assignments. Each prior is normalised over its bounds by the trapezoidal rule on 10,000 points, as psignifit's
 * {@code normalize_prior} does; a fixed parameter's prior is 1.
 */
final class PsignifitPriors {
    /** Parameter indices, in the order of {@link Parameters}. */
    static final int THRESHOLD = 0;
    static final int WIDTH = 1;
    static final int GUESS = 2;
    static final int LAPSE = 3;
    static final int ETA = 4;
    static final int COUNT = 5;
    static final String[] NAMES = {"threshold", "width", "guess", "lapse", "eta"};

    /** psignifit's bound on a free guess or lapse rate. */
    static final double ASYMPTOTE_MAX = 0.5;
    /** psignifit's upper bound on η. */
    static final double ETA_MAX = 1 - 1e-10;
    private static final int NORMALISATION_POINTS = 10_000;

    private final double s0;
    private final double s1;
    private final double minStep;
    private final double[] lower = new double[COUNT];
    private final double[] upper = new double[COUNT];
    private final double[] normaliser = new double[COUNT];

    /**
     * @param s0      the lowest tested level on the fit's axis
     * @param s1      the highest
     * @param minStep the smallest difference between two tested levels on that axis
     * @param guess   the guess rate: fixed, or free in [0, max] with the Beta(1, 10) prior cut there
     * @param lapse   the lapse rate, likewise
     * @param eta     whether η is estimated (otherwise the binomial likelihood, η = 0)
     */
    PsignifitPriors(double s0, double s1, double minStep, Asymptote guess, Asymptote lapse, boolean eta) {
        if (!(s1 > s0) || !(minStep > 0)) {
            throw new IllegalArgumentException("need a stimulus range s0 < s1 and a positive level step, got ["
                    + s0 + ", " + s1 + "], " + minStep);
        }
        this.s0 = s0;
        this.s1 = s1;
        this.minStep = minStep;
        double spread = s1 - s0;
        setBounds(THRESHOLD, s0 - spread / 2, s1 + spread / 2);
        setBounds(WIDTH, minStep, 3 * spread);
        setBounds(GUESS, guess.lower(), guess.upper());
        setBounds(LAPSE, lapse.lower(), lapse.upper());
        setBounds(ETA, 0, eta ? ETA_MAX : 0);
        for (int j = 0; j < COUNT; j++) {
            normaliser[j] = fixed(j) ? 1 : trapezoid(j);
        }
    }

    /** The priors of a problem's tested levels on its axis. */
    static PsignifitPriors of(FitProblem problem) {
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 1; i < problem.u.length; i++) {
            minStep = Math.min(minStep, problem.u[i] - problem.u[i - 1]);
        }
        return new PsignifitPriors(problem.u[0], problem.u[problem.u.length - 1], minStep,
                problem.options.guess(), problem.options.lapse(), problem.options.overdispersion());
    }

    private void setBounds(int j, double lo, double hi) {
        lower[j] = lo;
        upper[j] = hi;
    }

    double lower(int j) {
        return lower[j];
    }

    double upper(int j) {
        return upper[j];
    }

    /** Whether the parameter is fixed: its bounds are equal by numpy's {@code isclose}, as psignifit decides it. */
    boolean fixed(int j) {
        return isClose(lower[j], upper[j]);
    }

    /** numpy's {@code isclose(a, b)} with its default tolerances. */
    static boolean isClose(double a, double b) {
        return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
    }

    /** The normalised prior density of parameter j at x (1 for a fixed parameter), 0 outside the bounds. */
    double density(int j, double x) {
        if (fixed(j)) {
            return 1;
        }
        return x >= lower[j] && x <= upper[j] ? shape(j, x) / normaliser[j] : 0;
    }

    /** The natural log of {@link #density}; −∞ outside the prior's support. */
    double logDensity(int j, double x) {
        return Math.log(density(j, x));
    }

    /** The prior before normalisation, psignifit's {@code threshold_prior}, {@code width_prior} and Beta(1, 10). */
    double shape(int j, double x) {
        return switch (j) {
            case THRESHOLD -> thresholdShape(x, s0, s1);
            case WIDTH -> widthShape(x, minStep, s1 - s0);
            default -> beta1And10(x);
        };
    }

    static double thresholdShape(double x, double s0, double s1) {
        double spread = s1 - s0;
        if (x >= s1 && x <= s1 + spread / 2) {
            return (1 + Math.cos(2 * Math.PI * (x - s1) / spread)) / 2;
        }
        if (x >= s0 - spread / 2 && x <= s0) {
            return (1 + Math.cos(2 * Math.PI * (s0 - x) / spread)) / 2;
        }
        return x > s0 && x < s1 ? 1 : 0;
    }

    /** psignifit's width prior for α = 0.05 (its rescaling factor is then 1). */
    static double widthShape(double w, double wMin, double wMax) {
        if (w >= wMax && w <= 3 * wMax) {
            return (1 + Math.cos(Math.PI / 2 * (w - wMax) / wMax)) / 2;
        }
        if (w >= wMin && w <= 2 * wMin) {
            return (1 - Math.cos(Math.PI * (w - wMin) / wMin)) / 2;
        }
        return w > 2 * wMin && w < wMax ? 1 : 0;
    }

    /** The Beta(1, 10) density 10·(1 − x)^9 on [0, 1]. */
    static double beta1And10(double x) {
        if (!(x >= 0 && x <= 1)) {
            return 0;
        }
        double y = 1 - x;
        double y3 = y * y * y;
        return 10 * y3 * y3 * y3;
    }

    private double trapezoid(int j) {
        double lo = lower[j];
        double step = (upper[j] - lo) / (NORMALISATION_POINTS - 1);
        double sum = 0;
        for (int i = 0; i < NORMALISATION_POINTS; i++) {
            double x = i == NORMALISATION_POINTS - 1 ? upper[j] : lo + i * step;
            double f = shape(j, x);
            sum += i == 0 || i == NORMALISATION_POINTS - 1 ? f / 2 : f;
        }
        return sum * step;
    }
}
