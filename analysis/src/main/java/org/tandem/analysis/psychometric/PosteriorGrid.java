package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The posterior of a {@link PosteriorModel} on a grid of threshold × width × γ × λ × η, as python-psignifit 4
 * computes it ({@code psignifit/_posterior.py}: {@code posterior_grid}, {@code integral_weights},
 * {@code marginalize_posterior}; {@code psignifit/_parameter.py}: {@code parameter_grid},
 * {@code masked_parameter_bounds}). Each grid point's mass is its posterior density times psignifit's integration
 * weights (the grid step on every axis, halved at both ends), normalised to sum to 1.
 * <p>
 * The (γ, λ) pairs are evaluated in parallel, each by one task that runs through every η; a task's numbers depend only
 * on its own pair, and everything is added up afterwards in a fixed order, so the result does not depend on the number
 * of threads.
 */
final class PosteriorGrid {
    private static final int T = PsignifitPriors.THRESHOLD;
    private static final int W = PsignifitPriors.WIDTH;
    private static final int G = PsignifitPriors.GUESS;
    private static final int L = PsignifitPriors.LAPSE;
    private static final int E = PsignifitPriors.ETA;

    /**
     * Points this far (in log posterior) below the best of their slab, or slabs this far below the best of all, are
     * left out of the sums: e^−40 of the best point's mass, even summed over a million points, is far below anything
     * that counts (the intervals' 2.5 % tails, psignifit's 10⁻⁵ cut), and skipping them saves their exponentials.
     */
    private static final double NEGLIGIBLE = -40;

    /** The grid's values on each parameter axis, in {@link PsignifitPriors}' order. */
    final double[][] axes;
    /** Each axis's marginal posterior mass (summing to 1). */
    final double[][] marginals;
    /** The mass of each (γ, λ, threshold, width) point summed over η, at ((g·nλ + l)·nT + t)·nW + w. */
    final double[] massWithoutEta;
    /** ln of the posterior's integral over the grid (psignifit's weights), the priors normalised over their bounds. */
    final double logEvidence;
    /** The grid point with the largest log posterior (psignifit's {@code grid_max}), the MAP's starting point. */
    final double[] best;
    /** The largest log posterior on the grid. */
    final double bestLogPosterior;
    /**
     * For each axis value, ln of the largest normalised mass of any grid point with that value (all −∞ unless asked
     * for).
     */
    final double[][] largestLogMass;

    private PosteriorGrid(double[][] axes, double[][] marginals, double[] massWithoutEta, double logEvidence,
                          double[] best, double bestLogPosterior, double[][] largestLogMass) {
        this.axes = axes;
        this.marginals = marginals;
        this.massWithoutEta = massWithoutEta;
        this.logEvidence = logEvidence;
        this.best = best;
        this.bestLogPosterior = bestLogPosterior;
        this.largestLogMass = largestLogMass;
    }

    /** psignifit's {@code parameter_grid}: one value when the bounds are numerically equal, else evenly spaced. */
    static double[] axis(double lower, double upper, int steps) {
        if (PsignifitPriors.isClose(lower, upper)) {
            return new double[] {lower};
        }
        double[] values = new double[steps];
        double step = (upper - lower) / (steps - 1);
        for (int i = 0; i < steps; i++) {
            values[i] = lower + i * step;
        }
        values[steps - 1] = upper;
        return values;
    }

    /** psignifit's {@code integral_weights} on one axis: the steps, the first and last halved; 1 for one value. */
    static double[] weights(double[] axis) {
        if (axis.length <= 1) {
            return new double[] {1};
        }
        double[] w = new double[axis.length];
        for (int i = 1; i < axis.length; i++) {
            w[i] = axis[i] - axis[i - 1];
        }
        w[0] = w[1] / 2;
        w[axis.length - 1] = w[axis.length - 1] / 2;
        return w;
    }

    /** What one (γ, λ) task hands back, relative to its own largest log posterior. */
    private static final class Slab {
        double max = Double.NEGATIVE_INFINITY;
        int bestEta = -1;
        int bestPoint = -1;
        /** Σ over η of exp(lp − max)·w_η at each (threshold, width) point. */
        double[] mass;
        /** Σ over (threshold, width) of exp(lp − max)·w_η·w_T·w_W for each η. */
        double[] etaMass;
        /** max over the other axes of lp + ln(weights), for each threshold, width and η value. */
        double[] largestT;
        double[] largestW;
        double[] largestE;
        double largest = Double.NEGATIVE_INFINITY;
        double[] groupBest;
    }

    /**
     * The posterior on the grid, or, when a likely point's product could have been held at the floor, on the same grid
     * with every level's product kept apart.
     *
     * @param bounds whether to find {@link #largestLogMass} for {@link #boundsHolding} (only the first grid needs it)
     */
    static PosteriorGrid evaluate(PosteriorModel model, double[][] axes, boolean bounds) {
        PosteriorGrid grid = evaluate(model, axes, model.kernel(PosteriorModel.GROUP_BUDGET), bounds);
        if (grid != null) {
            return grid;
        }
        grid = evaluate(model, axes, model.kernel(1), bounds);
        if (grid != null) {
            return grid;
        }
        throw new IllegalStateException("the posterior grid underflows even one level at a time; the data fit no"
                + " sigmoid the priors allow");
    }

    private static PosteriorGrid evaluate(PosteriorModel model, double[][] axes, PosteriorModel.Kernel kernel,
                                          boolean bounds) {
        double[] t = axes[T];
        double[] wd = axes[W];
        double[] g = axes[G];
        double[] l = axes[L];
        double[] e = axes[E];
        int points = t.length * wd.length;
        double[][] weights = new double[PsignifitPriors.COUNT][];
        double[][] logWeights = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            weights[j] = weights(axes[j]);
            logWeights[j] = Arrays.stream(weights[j]).map(Math::log).toArray();
        }
        PsignifitPriors priors = model.priors;
        double[][] logPriors = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            int axis = j;
            logPriors[j] = Arrays.stream(axes[j]).map(x -> priors.logDensity(axis, x)).toArray();
        }
        double bestPrior = 0;
        for (double[] lp : logPriors) {
            bestPrior += Arrays.stream(lp).max().orElseThrow();
        }
        double[][] f = new double[model.u.length][points];
        double[] priorTW = new double[points];
        for (int a = 0; a < t.length; a++) {
            for (int b = 0; b < wd.length; b++) {
                int p = a * wd.length + b;
                for (int i = 0; i < model.u.length; i++) {
                    f[i][p] = model.unscaled(i, t[a], wd[b]);
                }
                priorTW[p] = logPriors[T][a] + logPriors[W][b];
            }
        }
        int groups = kernel.groups().length;
        Slab[] slabs = new Slab[g.length * l.length];
        IntStream.range(0, slabs.length).parallel().forEach(s -> {
            int gi = s / l.length;
            int li = s % l.length;
            Slab slab = new Slab();
            slab.groupBest = new double[groups];
            Arrays.fill(slab.groupBest, Double.NEGATIVE_INFINITY);
            double[][] lp = rows(e.length + 1, points);
            double[] scratch = lp[e.length];
            double slicePrior = logPriors[G][gi] + logPriors[L][li];
            for (int ei = 0; ei < e.length; ei++) {
                double prior = slicePrior + logPriors[E][ei];
                double[] row = lp[ei];
                Arrays.fill(row, 0, points, prior == Double.NEGATIVE_INFINITY ? prior : 0);
                if (prior == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                model.sliceLogLikelihood(kernel, g[gi], l[li], e[ei], f, row, points, scratch, slab.groupBest);
                for (int p = 0; p < points; p++) {
                    row[p] += priorTW[p] + prior;
                    if (row[p] > slab.max) {
                        slab.max = row[p];
                        slab.bestEta = ei;
                        slab.bestPoint = p;
                    }
                }
            }
            summarise(slab, lp, e.length, weights, logWeights, t.length, wd.length, bounds);
            slabs[s] = slab;
        });
        return combine(model, kernel, axes, weights, slabs, bestPrior);
    }

    /** Each thread's log-posterior rows, kept from one slab (and one fit) to the next instead of made anew. */
    private static final ThreadLocal<double[][]> ROWS = ThreadLocal.withInitial(() -> new double[0][0]);

    /** count rows of at least the given length, this thread's own. */
    private static double[][] rows(int count, int length) {
        double[][] rows = ROWS.get();
        if (rows.length < count || rows[0].length < length) {
            rows = new double[Math.max(count, rows.length)][Math.max(length, rows.length == 0 ? 0 : rows[0].length)];
            ROWS.set(rows);
        }
        return rows;
    }

    private static void summarise(Slab slab, double[][] lp, int ne, double[][] weights, double[][] logWeights,
                                  int nt, int nw, boolean bounds) {
        slab.mass = new double[nt * nw];
        slab.etaMass = new double[ne];
        slab.largestT = new double[nt];
        slab.largestW = new double[nw];
        slab.largestE = new double[ne];
        Arrays.fill(slab.largestT, Double.NEGATIVE_INFINITY);
        Arrays.fill(slab.largestW, Double.NEGATIVE_INFINITY);
        Arrays.fill(slab.largestE, Double.NEGATIVE_INFINITY);
        if (slab.max == Double.NEGATIVE_INFINITY) {
            return;
        }
        for (int ei = 0; ei < ne; ei++) {
            double weightE = weights[E][ei];
            double logWeightE = logWeights[E][ei];
            double sum = 0;
            double largestHere = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < nt; a++) {
                double largestT = Double.NEGATIVE_INFINITY;
                double logWeightET = logWeightE + logWeights[T][a];
                for (int b = 0; b < nw; b++) {
                    int p = a * nw + b;
                    double v = lp[ei][p];
                    if (v - slab.max > NEGLIGIBLE) {
                        double m = Math.exp(v - slab.max) * weightE;
                        slab.mass[p] += m;
                        sum += m * weights[T][a] * weights[W][b];
                    }
                    if (bounds) {
                        double logMass = v + logWeightET + logWeights[W][b];
                        largestT = Math.max(largestT, logMass);
                        slab.largestW[b] = Math.max(slab.largestW[b], logMass);
                    }
                }
                slab.largestT[a] = Math.max(slab.largestT[a], largestT);
                largestHere = Math.max(largestHere, largestT);
            }
            slab.etaMass[ei] = sum;
            slab.largestE[ei] = largestHere;
            slab.largest = Math.max(slab.largest, largestHere);
        }
    }

    private static PosteriorGrid combine(PosteriorModel model, PosteriorModel.Kernel kernel, double[][] axes,
                                         double[][] weights, Slab[] slabs, double bestPrior) {
        int nt = axes[T].length;
        int nw = axes[W].length;
        int ng = axes[G].length;
        int nl = axes[L].length;
        int ne = axes[E].length;
        int points = nt * nw;
        double max = Double.NEGATIVE_INFINITY;
        int bestSlab = -1;
        double[] groupBest = new double[kernel.groups().length];
        Arrays.fill(groupBest, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < slabs.length; s++) {
            if (slabs[s].max > max) {
                max = slabs[s].max;
                bestSlab = s;
            }
            for (int j = 0; j < groupBest.length; j++) {
                groupBest[j] = Math.max(groupBest[j], slabs[s].groupBest[j]);
            }
        }
        if (bestSlab < 0) {
            throw new IllegalStateException("the posterior is zero at every grid point");
        }
        if (!kernel.safe(groupBest, bestPrior, max)) {
            return null;
        }
        double[] mass = new double[slabs.length * points];
        double[][] marginals = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            marginals[j] = new double[axes[j].length];
        }
        double[][] largest = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            largest[j] = new double[axes[j].length];
            Arrays.fill(largest[j], Double.NEGATIVE_INFINITY);
        }
        double total = 0;
        for (int s = 0; s < slabs.length; s++) {
            Slab slab = slabs[s];
            if (!(slab.max - max > NEGLIGIBLE)) {
                continue;
            }
            int gi = s / nl;
            int li = s % nl;
            double scale = Math.exp(slab.max - max) * weights[G][gi] * weights[L][li];
            double logShift = slab.max - max + Math.log(weights[G][gi] * weights[L][li]);
            double slabTotal = 0;
            for (int p = 0; p < points; p++) {
                double m = scale * slab.mass[p] * weights[T][p / nw] * weights[W][p % nw];
                mass[s * points + p] = m;
                marginals[T][p / nw] += m;
                marginals[W][p % nw] += m;
                slabTotal += m;
            }
            marginals[G][gi] += slabTotal;
            marginals[L][li] += slabTotal;
            for (int ei = 0; ei < ne; ei++) {
                marginals[E][ei] += scale * slab.etaMass[ei];
                largest[E][ei] = Math.max(largest[E][ei], slab.largestE[ei] - slab.max + logShift);
            }
            for (int a = 0; a < nt; a++) {
                largest[T][a] = Math.max(largest[T][a], slab.largestT[a] - slab.max + logShift);
            }
            for (int b = 0; b < nw; b++) {
                largest[W][b] = Math.max(largest[W][b], slab.largestW[b] - slab.max + logShift);
            }
            largest[G][gi] = Math.max(largest[G][gi], slab.largest - slab.max + logShift);
            largest[L][li] = Math.max(largest[L][li], slab.largest - slab.max + logShift);
            total += slabTotal;
        }
        double logTotal = Math.log(total);
        for (int i = 0; i < mass.length; i++) {
            mass[i] /= total;
        }
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            for (int i = 0; i < marginals[j].length; i++) {
                marginals[j][i] /= total;
                largest[j][i] -= logTotal;
            }
        }
        Slab top = slabs[bestSlab];
        double[] best = {axes[T][top.bestPoint / nw], axes[W][top.bestPoint % nw], axes[G][bestSlab / nl],
                axes[L][bestSlab % nl], axes[E][top.bestEta]};
        assert ng * nl == slabs.length;
        return new PosteriorGrid(axes, marginals, mass, max + logTotal, best, max, largest);
    }

    /**
     * psignifit's {@code masked_parameter_bounds}: on each axis, the first and last values at which some grid point
     * holds at least minMass of the posterior, widened by one grid step each way (the whole axis when none does).
     */
    double[][] boundsHolding(double minMass) {
        double[][] bounds = new double[PsignifitPriors.COUNT][2];
        double logMin = Math.log(minMass);
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < axes[j].length; i++) {
                if (largestLogMass[j][i] >= logMin) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            int left = first < 0 ? 0 : Math.max(0, first - 1);
            int right = first < 0 ? axes[j].length - 1 : Math.min(axes[j].length - 1, last + 1);
            bounds[j][0] = axes[j][left];
            bounds[j][1] = axes[j][right];
        }
        return bounds;
    }

    /** Posterior means, Σ value × marginal mass on each axis (psignifit's {@code parameter_estimate_mean}). */
    double[] means() {
        double[] means = new double[PsignifitPriors.COUNT];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            for (int i = 0; i < axes[j].length; i++) {
                means[j] += axes[j][i] * marginals[j][i];
            }
        }
        return means;
    }

    int points() {
        int count = 1;
        for (double[] a : axes) {
            count *= a.length;
        }
        return count;
    }
}
