package org.tandem.analysis.psychometric;

import java.util.Locale;

/**
 * Equal-tailed credible intervals from a posterior on a grid: for the grid's own parameters psignifit's rule, for
 * numbers derived from them (PSE, JND, slope) the quantiles of their posterior distribution.
 */
final class CredibleIntervals {
    /** Below this share of the posterior defining a quantity, it gets no interval (as for bootstrap intervals). */
    static final double MIN_DEFINED = 0.5;
    private static final int BINS = 4096;
    private static final int ROUNDS = 3;

    private CredibleIntervals() {
    }

    /**
     * python-psignifit 4's {@code percentile_intervals} ({@code psignifit/_confidence.py}): the values where the
     * cumulative sum of the marginal mass reaches (1 − level)/2 and (1 + level)/2, linearly interpolated between grid
     * values as numpy's {@code interp(p, cumsum(mass), values)} does, so a point's whole mass counts as reached at its
     * own grid value. A parameter with one grid value gets [value, value].
     */
    static double[] psignifit(double[] values, double[] mass, double level) {
        double[] cumulative = new double[mass.length];
        double sum = 0;
        for (int i = 0; i < mass.length; i++) {
            sum += mass[i];
            cumulative[i] = sum;
        }
        double alpha = 1 - level;
        return new double[] {interpolate(alpha / 2, cumulative, values), interpolate(1 - alpha / 2, cumulative, values)};
    }

    /** numpy's {@code interp(x, xp, fp)} for non-decreasing xp: flat beyond either end. */
    static double interpolate(double x, double[] xp, double[] fp) {
        int last = xp.length - 1;
        if (x < xp[0]) {
            return fp[0];
        }
        if (x >= xp[last]) {
            return fp[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) { // the last j with xp[j] <= x
            int mid = (lo + hi) >>> 1;
            if (xp[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fp[lo] + (x - xp[lo]) * (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
    }

    /** A grid parameter's interval, its ends mapped to reported units (a decreasing map swaps them). */
    static Interval onAxis(double[] values, double[] mass, double level, java.util.function.DoubleUnaryOperator map) {
        double[] ends = psignifit(values, mass, level);
        double a = map.applyAsDouble(ends[0]);
        double b = map.applyAsDouble(ends[1]);
        return new Interval(Math.min(a, b), Math.max(a, b), 1, null);
    }

    /**
     * The equal-tailed interval of a derived quantity whose value at grid point i is values[i] (NaN where that
     * point's curve leaves it undefined) with posterior mass mass[i]: its (1 − level)/2 and (1 + level)/2 quantiles
     * over the points that define it. Fewer than half the posterior defining it gives no interval.
     */
    static Interval derived(double[] values, double[] mass, double level) {
        double total = 0;
        double defined = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            total += mass[i];
            if (!Double.isNaN(values[i]) && mass[i] > 0) {
                defined += mass[i];
                count++;
            }
        }
        double fraction = total > 0 ? defined / total : 0;
        if (fraction < MIN_DEFINED) {
            return new Interval(null, null, fraction, String.format(Locale.ROOT,
                    "only %.0f %% of the posterior defines it", 100 * fraction));
        }
        double[] v = new double[count];
        double[] m = new double[count];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && mass[i] > 0) {
                v[j] = values[i];
                m[j++] = mass[i];
            }
        }
        double alpha = 1 - level;
        return new Interval(quantile(v, m, alpha / 2 * defined), quantile(v, m, (1 - alpha / 2) * defined),
                fraction, null);
    }

    /**
     * The value below which the mass adds up to target, mass spread evenly within each bin of a histogram refined
     * {@value #ROUNDS} times around the crossing (so to 1/4096³ of the values' range, without sorting).
     */
    static double quantile(double[] v, double[] m, double target) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] bins = new double[BINS];
        for (int round = 0; round < ROUNDS && hi > lo; round++) {
            java.util.Arrays.fill(bins, 0);
            double width = (hi - lo) / BINS;
            double below = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] < lo) {
                    below += m[i];
                } else if (v[i] <= hi) {
                    bins[Math.min(BINS - 1, (int) ((v[i] - lo) / width))] += m[i];
                }
            }
            int b = 0;
            double reached = below;
            while (b < BINS - 1 && reached + bins[b] < target) {
                reached += bins[b++];
            }
            double from = lo + b * width;
            double to = b == BINS - 1 ? hi : from + width;
            if (round == ROUNDS - 1 || bins[b] == 0) {
                double share = bins[b] == 0 ? 0.5 : Math.min(1, Math.max(0, (target - reached) / bins[b]));
                return from + share * (to - from);
            }
            lo = from;
            hi = to;
        }
        return lo;
    }
}
