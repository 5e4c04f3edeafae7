package org.tandem.analysis.psychometric;

import java.util.ArrayList;
import java.util.List;

/**
 * python-psignifit 4's posterior of ψ(u) = γ + (1 − γ − λ)·F((u − threshold)·c_F/width) for one data set on the
 * fit's axis, c_F being the unscaled sigmoid's 5–95 % width for scale 1 ({@code psignifit/_posterior.py},
 * {@code log_posterior}): the log-likelihood without binomial coefficients plus the log priors of
 * {@link PsignifitPriors}. The likelihood is the binomial Σ k·ln ψ + (n − k)·ln(1 − ψ) when η² ≤ 10⁻⁹, otherwise
 * psignifit's beta-binomial with mean ψ and concentration ν = 1/η² − 1:
 * ln Γ(k + ψν) + ln Γ(n − k + (1 − ψ)ν) − ln Γ(n + ν) − ln Γ(ψν) − ln Γ((1 − ψ)ν) + ln Γ(ν).
 * <p>
 * Tandem writes those gamma ratios as the products they are for whole counts, with c = 1/ν:
 * Π_{j<k} (ψ + jc)/(1 + jc) · Π_{j<n−k} (1 − ψ + jc)/(1 + (k + j)c), which for c = 0 is ψ^k (1 − ψ)^(n−k). Every
 * factor is at most 1, so a product can only fall: the grid multiplies whole groups of levels together and takes one
 * logarithm per group and grid point ({@link #sliceLogLikelihood}), held at a floor far below any likely point's
 * value, which is checked afterwards ({@link Kernel#safe}).
 */
final class PosteriorModel {
    /** psignifit's switch to the binomial model: η² at or below this. */
    static final double BINOMIAL_ETA_SQUARED = 1e-9;
    /**
     * The floor of a group's product on the grid: kept from falling further (into subnormal numbers, whose arithmetic
     * is a hundred times slower, or to 0), so a product that ends at the floor may be larger than the true one.
     */
    static final double FLOOR = 1e-280;
    /** Saturated log-likelihood (nats) a group of levels may hold, so that likely points never underflow. */
    static final double GROUP_BUDGET = 300;
    private static final int EXACT_CHUNK = 16;
    /**
     * A level with more trials than this is computed by log-gamma differences (a few logarithms a grid point) rather
     * than as a product of its factors (one multiplication a trial).
     */
    static final int LARGE_LEVEL = 1000;
    private static final double STIRLING_FROM = 10;

    final FitProblem problem;
    final PsignifitPriors priors;
    final Sigmoid sigmoid;
    /** Width of the unscaled sigmoid's 5–95 % range for scale 1: scale = width / unitWidth. */
    final double unitWidth;
    final double[] u;
    final int[] k;
    final int[] n;

    PosteriorModel(FitProblem problem, PsignifitPriors priors) {
        this.problem = problem;
        this.priors = priors;
        this.sigmoid = problem.sigmoid;
        this.unitWidth = problem.unitWidth;
        this.u = problem.u;
        this.k = problem.k;
        this.n = problem.n;
    }

    /** c = 1/ν = η²/(1 − η²), or 0 for psignifit's binomial case (η² ≤ 10⁻⁹). */
    static double inverseConcentration(double eta) {
        double e2 = eta * eta;
        return e2 <= BINOMIAL_ETA_SQUARED ? 0 : e2 / (1 - e2);
    }

    /** The unscaled sigmoid at level i. */
    double unscaled(int i, double threshold, double width) {
        return sigmoid.cdf((u[i] - threshold) * unitWidth / width);
    }

    /** The log-likelihood (without binomial coefficients) at one point, to full precision. */
    double logLikelihood(double threshold, double width, double guess, double lapse, double eta) {
        double c = inverseConcentration(eta);
        double amplitude = 1 - guess - lapse;
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double psi = guess + amplitude * unscaled(i, threshold, width);
            sum += levelLogLikelihood(k[i], n[i], psi, c);
        }
        return sum;
    }

    /** One level's log-likelihood; −∞ where ψ makes the observed counts impossible, as in psignifit. */
    static double levelLogLikelihood(int k, int n, double psi, double c) {
        if (c == 0) {
            double s = 0;
            if (k > 0) {
                s += k * Math.log(psi);
            }
            if (n > k) {
                s += (n - k) * Math.log(1 - psi);
            }
            return s;
        }
        if (n > LARGE_LEVEL) {
            double nu = 1 / c;
            return logRising(psi * nu, k) + logRising((1 - psi) * nu, n - k) - logRising(nu, n);
        }
        return ratioLogSum(psi, c, 0, k, 0) + ratioLogSum(1 - psi, c, 0, n - k, k);
    }

    /**
     * Σ_{from≤j<to} ln((x + jc)/(1 + (j + shift)c)), by products of {@value #EXACT_CHUNK} factors (each at most 1),
     * with one logarithm a factor where a product would be held at the floor.
     */
    private static double ratioLogSum(double x, double c, int from, int to, int shift) {
        double sum = 0;
        for (int start = from; start < to; start += EXACT_CHUNK) {
            int end = Math.min(to, start + EXACT_CHUNK);
            double product = 1;
            for (int j = start; j < end; j++) {
                product *= (x + j * c) / (1 + (j + shift) * c);
            }
            if (product > FLOOR || product == 0) {
                sum += Math.log(product);
            } else {
                for (int j = start; j < end; j++) {
                    sum += Math.log((x + j * c) / (1 + (j + shift) * c));
                }
            }
        }
        return sum;
    }

    /**
     * ln Γ(x + m) − ln Γ(x) = Σ_{j<m} ln(x + j) for x ≥ 0 (−∞ for x = 0 < m): a product for a few terms, otherwise
     * the terms up to x + j ≥ {@value #STIRLING_FROM} as a product and the rest by Stirling's series, written as
     * (z − ½)·ln(1 + m/z) + m·ln(z + m) − m + the series' corrections, so that no two large numbers cancel.
     */
    static double logRising(double x, int m) {
        if (m == 0) {
            return 0;
        }
        if (!(x > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        int s = m <= EXACT_CHUNK ? m : x >= STIRLING_FROM ? 0 : Math.min(m, (int) Math.ceil(STIRLING_FROM - x));
        double product = 1;
        for (int j = 0; j < s; j++) {
            product *= x + j;
        }
        double head = s == 0 ? 0 : Math.log(product);
        if (s == m) {
            return head;
        }
        double z = x + s;
        int rest = m - s;
        return head + (z - 0.5) * Math.log1p(rest / z) + rest * Math.log(z + rest) - rest
                + stirlingCorrection(z + rest) - stirlingCorrection(z);
    }

    /** ln Γ(z) − ((z − ½)·ln z − z + ½·ln 2π) for z ≥ {@value #STIRLING_FROM}, error below 10⁻¹⁵ there. */
    private static double stirlingCorrection(double z) {
        double r = 1 / z;
        double r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)));
    }

    /** The sum of the log priors; −∞ outside their support. */
    double logPrior(double threshold, double width, double guess, double lapse, double eta) {
        return priors.logDensity(PsignifitPriors.THRESHOLD, threshold) + priors.logDensity(PsignifitPriors.WIDTH, width)
                + priors.logDensity(PsignifitPriors.GUESS, guess) + priors.logDensity(PsignifitPriors.LAPSE, lapse)
                + priors.logDensity(PsignifitPriors.ETA, eta);
    }

    /** The unnormalised log posterior, psignifit's objective for the MAP. */
    double logPosterior(double threshold, double width, double guess, double lapse, double eta) {
        double prior = logPrior(threshold, width, guess, lapse, eta);
        return prior == Double.NEGATIVE_INFINITY ? prior
                : prior + logLikelihood(threshold, width, guess, lapse, eta);
    }

    /**
     * A part of one level's factors: side-ψ factors j in [k0, k1) and side-(1 − ψ) factors j in [m0, m1). A level
     * with more trials than a group can hold is cut into parts holding its successes and failures in proportion.
     */
    record Segment(int level, int k0, int k1, int m0, int m1) {
    }

    /**
     * The grid's evaluation plan: levels (or parts of levels) gathered into groups whose products are kept apart
     * from the others' by a logarithm.
     */
    Kernel kernel(double budget) {
        List<List<Segment>> groups = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        List<Integer> direct = new ArrayList<>();
        double held = 0;
        for (int i = 0; i < u.length; i++) {
            if (n[i] > LARGE_LEVEL) {
                direct.add(i);
                continue;
            }
            int failures = n[i] - k[i];
            double p = (double) k[i] / n[i];
            double perSuccess = k[i] == 0 ? 0 : -Math.log(p);
            double perFailure = failures == 0 ? 0 : -Math.log1p(-p);
            double saturated = k[i] * perSuccess + failures * perFailure;
            int parts = Math.max(1, (int) Math.ceil(saturated / budget));
            for (int s = 0; s < parts; s++) {
                int k0 = k[i] * s / parts;
                int k1 = k[i] * (s + 1) / parts;
                int m0 = failures * s / parts;
                int m1 = failures * (s + 1) / parts;
                double cost = (k1 - k0) * perSuccess + (m1 - m0) * perFailure;
                if (!current.isEmpty() && held + cost > budget) {
                    groups.add(current);
                    current = new ArrayList<>();
                    held = 0;
                }
                current.add(new Segment(i, k0, k1, m0, m1));
                held += cost;
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return new Kernel(groups.stream().map(g -> g.toArray(Segment[]::new)).toArray(Segment[][]::new),
                direct.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The groups of a grid evaluation (see {@link #kernel}), and the levels with more than {@link #LARGE_LEVEL}
     * trials, computed directly.
     */
    record Kernel(Segment[][] groups, int[] direct) {
        /** Room for the most factors one segment has, padded to whole chains. */
        int longest() {
            int most = 0;
            for (Segment[] group : groups) {
                for (Segment s : group) {
                    most = Math.max(most, s.k1() - s.k0() + s.m1() - s.m0());
                }
            }
            return (most / CHAIN + 1) * CHAIN;
        }

        /**
         * Whether no grid point within 50 log units of the best can have been held at the {@link #FLOOR}: a point whose
         * product of group g was has a log posterior of at most ln(FLOOR) plus the other groups' best values and the
         * best log prior, and so has its true value.
         *
         * @param groupBest     each group's largest log product over the grid
         * @param bestPrior     the largest log prior over the grid
         * @param bestPosterior the largest log posterior over the grid
         */
        boolean safe(double[] groupBest, double bestPrior, double bestPosterior) {
            double all = 0;
            for (double g : groupBest) {
                all += g;
            }
            for (double g : groupBest) {
                if (Math.log(FLOOR) + (all - g) + bestPrior > bestPosterior - 50) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Adds the log-likelihood of one (γ, λ, η) slice to out[p] for every (threshold, width) point p &lt; points, with
     * f[i][p] the unscaled sigmoid at level i, and records each group's largest log product in groupBest.
     *
     * @param q a scratch array of at least points values
     */
    void sliceLogLikelihood(Kernel kernel, double guess, double lapse, double eta, double[][] f, double[] out,
                            int points, double[] q, double[] groupBest) {
        double c = inverseConcentration(eta);
        double amplitude = 1 - guess - lapse;
        Segment[][] groups = kernel.groups();
        double[] a = new double[kernel.longest()];
        double[] b = new double[kernel.longest()];
        for (int g = 0; g < groups.length; g++) {
            java.util.Arrays.fill(q, 0, points, 1.0);
            for (Segment s : groups[g]) {
                int count = coefficients(s, guess, amplitude, c, a, b);
                double[] fi = f[s.level()];
                for (int j = 0; j < count; j += CHAIN) {
                    chain(q, fi, points, a[j], b[j], a[j + 1], b[j + 1], a[j + 2], b[j + 2], a[j + 3], b[j + 3],
                            a[j + 4], b[j + 4], a[j + 5], b[j + 5], a[j + 6], b[j + 6], a[j + 7], b[j + 7]);
                }
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < points; p++) {
                double log = Math.log(q[p]);
                out[p] += log;
                best = Math.max(best, log);
            }
            groupBest[g] = Math.max(groupBest[g], best);
        }
        for (int i : kernel.direct()) {
            double[] fi = f[i];
            for (int p = 0; p < points; p++) {
                out[p] += levelLogLikelihood(k[i], n[i], guess + amplitude * fi[p], c);
            }
        }
    }

    /** Factors multiplied in one pass over the grid points, their coefficients held in registers. */
    static final int CHAIN = 8;

    /**
     * Every factor of a segment as a + b·F, F the unscaled sigmoid: (ψ + jc)/(1 + jc) on the success side and
     * (1 − ψ + jc)/(1 + (k + j)c) on the failure side, with ψ = γ + (1 − γ − λ)·F; padded with factors 1 to a whole
     * number of {@link #CHAIN}s, whose length it returns.
     */
    private int coefficients(Segment s, double guess, double amplitude, double c, double[] a, double[] b) {
        int count = 0;
        for (int j = s.k0(); j < s.k1(); j++) {
            double d = 1 / (1 + j * c);
            a[count] = (guess + j * c) * d;
            b[count++] = amplitude * d;
        }
        int shift = k[s.level()];
        for (int j = s.m0(); j < s.m1(); j++) {
            double d = 1 / (1 + (j + shift) * c);
            a[count] = (1 - guess + j * c) * d;
            b[count++] = -amplitude * d;
        }
        while (count % CHAIN != 0) {
            a[count] = 1;
            b[count++] = 0;
        }
        return count;
    }

    /**
     * q[p] = max(floor, q[p] × Π_i (a_i + b_i·f[p])) for eight factors. Written as one chain of products with the
     * coefficients in parameters: C2 vectorises that, not a balanced tree of products, nor coefficients read from an
     * array inside the loop.
     */
    private static void chain(double[] q, double[] f, int points, double a0, double b0, double a1, double b1,
                              double a2, double b2, double a3, double b3, double a4, double b4, double a5, double b5,
                              double a6, double b6, double a7, double b7) {
        for (int p = 0; p < points; p++) {
            double x = f[p];
            double r = (a0 + b0 * x) * (a1 + b1 * x);
            r *= a2 + b2 * x;
            r *= a3 + b3 * x;
            r *= a4 + b4 * x;
            r *= a5 + b5 * x;
            r *= a6 + b6 * x;
            r *= a7 + b7 * x;
            q[p] = Math.max(FLOOR, q[p] * r);
        }
    }
}
