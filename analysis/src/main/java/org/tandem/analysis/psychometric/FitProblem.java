package org.tandem.analysis.psychometric;

/**
 * The data of one fit on the sigmoid's axis, with the model, the bounds of the search and the likelihood.
 * Probabilities are kept inside [1e-12, 1 − 1e-12] so that a guess or lapse rate of exactly 0 costs a large but finite
 * log-likelihood instead of −∞.
 */
final class FitProblem {
    static final double P_FLOOR = 1e-12;
    static final double ETA_MAX = 0.9;

    final Sigmoid sigmoid;
    final FitOptions options;
    final double[] u;
    final int[] k;
    final int[] n;
    /** The tested stimulus range in stimulus units. */
    final double xMin;
    final double xMax;
    final double uMin;
    final double uRange;
    final double[] lower;
    final double[] upper;
    /** Width of the unscaled sigmoid's 5–95 % range for scale 1: width = scale × this, on the sigmoid's axis. */
    final double unitWidth;
    /**
     * +1 for a rising curve; −1 for a falling one, fitted on the mirrored axis u = −(sigmoid axis of x), so that
     * everything inside the fit sees a rising curve over ascending u.
     */
    final int sign;

    private FitProblem(Sigmoid sigmoid, FitOptions options, int sign, double[] u, int[] k, int[] n, double xMin,
                       double xMax, double[] lower, double[] upper) {
        this.sigmoid = sigmoid;
        this.sign = sign;
        this.options = options;
        this.u = u;
        this.k = k;
        this.n = n;
        this.xMin = xMin;
        this.xMax = xMax;
        this.uMin = u[0];
        this.uRange = u[u.length - 1] - u[0];
        this.lower = lower;
        this.upper = upper;
        this.unitWidth = sigmoid.quantile(0.95) - sigmoid.quantile(0.05);
    }

    /** The problem in the options' direction (rising when the data are to decide). */
    static FitProblem of(BinomialCounts tested, FitOptions options) {
        return of(tested, options, options.direction() == Direction.AUTO ? Direction.INCREASING : options.direction());
    }

    /**
     * The problem for tested levels (at least two distinct ones; positive for the Weibull), the curve running in the
     * given direction (not {@link Direction#AUTO}).
     */
    static FitProblem of(BinomialCounts tested, FitOptions options, Direction direction) {
        Sigmoid sigmoid = options.sigmoid();
        int sign = direction.sign();
        int m = tested.size();
        double[] u = new double[m];
        int[] k = new int[m];
        int[] n = new int[m];
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            // a falling curve is read from the highest level down, so u ascends either way
            int from = sign > 0 ? i : m - 1 - i;
            u[i] = sign * sigmoid.toAxis(tested.level(from));
            k[i] = tested.k(from);
            n[i] = tested.n(from);
            if (i > 0) {
                minStep = Math.min(minStep, u[i] - u[i - 1]);
            }
        }
        double range = u[m - 1] - u[0];
        double unitWidth = sigmoid.quantile(0.95) - sigmoid.quantile(0.05);
        // Widths from a hundredth of the finest level step (a step function) to 20 tested ranges (a flat line).
        double[] lower = {u[0] - 2 * range, 0.01 * minStep / unitWidth, options.guess().lower(),
                options.lapse().lower(), 0};
        double[] upper = {u[m - 1] + 2 * range, 20 * range / unitWidth, options.guess().upper(),
                options.lapse().upper(), options.overdispersion() ? ETA_MAX : 0};
        return new FitProblem(sigmoid, options, sign, u, k, n, tested.level(0), tested.level(m - 1), lower, upper);
    }

    /** The stimulus level of a point on the fit's axis. */
    double level(double axis) {
        return sigmoid.fromAxis(sign * axis);
    }

    /** The direction the problem's curve runs in. */
    Direction direction() {
        return sign > 0 ? Direction.INCREASING : Direction.DECREASING;
    }

    /** The same problem with other response counts (a bootstrap sample). */
    FitProblem withCounts(int[] newK, int[] newN) {
        return new FitProblem(sigmoid, options, sign, u, newK, newN, xMin, xMax, lower, upper);
    }

    boolean free(int index) {
        return upper[index] > lower[index];
    }

    double probability(Parameters p, int i) {
        return clampProbability(p.psi(sigmoid, u[i]));
    }

    static double clampProbability(double p) {
        // plain comparisons: Math.min and max handle NaN and −0.0, which costs in the bootstrap's inner loop
        return p < P_FLOOR ? P_FLOOR : p > 1 - P_FLOOR ? 1 - P_FLOOR : p;
    }

    /** Log-likelihood without the binomial coefficients (they cancel in every comparison Tandem makes). */
    double logLikelihood(Parameters p) {
        return p.eta() > 1e-8 ? betaBinomialLogLikelihood(p)
                : binomialLogLikelihood(p.location(), p.scale(), p.guess(), p.lapse());
    }

    /** The binomial log-likelihood from plain numbers, for the allocation-free refits of the bootstrap. */
    double binomialLogLikelihood(double location, double scale, double guess, double lapse) {
        double amplitude = 1 - guess - lapse;
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double q = clampProbability(guess + amplitude * sigmoid.cdf((u[i] - location) / scale));
            sum += k[i] * Math.log(q) + (n[i] - k[i]) * Math.log1p(-q);
        }
        return sum;
    }

    /**
     * Beta-binomial with mean ψ and intra-level correlation η² (psignifit's η): a = ψν, b = (1 − ψ)ν, ν = 1/η² − 1.
     * The ratios of gamma functions are written as products, exact for integer counts and smooth as η → 0.
     */
    private double betaBinomialLogLikelihood(Parameters p) {
        double nu = 1 / (p.eta() * p.eta()) - 1;
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double q = probability(p, i);
            double a = q * nu;
            double b = (1 - q) * nu;
            for (int j = 0; j < k[i]; j++) {
                sum += Math.log(a + j);
            }
            for (int j = 0; j < n[i] - k[i]; j++) {
                sum += Math.log(b + j);
            }
            for (int j = 0; j < n[i]; j++) {
                sum -= Math.log(nu + j);
            }
        }
        return sum;
    }

    /** Binomial deviance of the fitted curve against the saturated model (one free probability per level). */
    double deviance(Parameters p) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double q = probability(p, i);
            sum += binomialDevianceTerm(k[i], n[i], q);
        }
        return sum;
    }

    static double binomialDevianceTerm(int k, int n, double p) {
        double d = 0;
        if (k > 0) {
            d += k * Math.log(k / (n * p));
        }
        if (k < n) {
            d += (n - k) * Math.log((n - k) / (n * (1 - p)));
        }
        return 2 * d;
    }

    int freeParameters() {
        int count = 0;
        for (int j = 0; j < lower.length; j++) {
            count += free(j) ? 1 : 0;
        }
        return count;
    }
}
