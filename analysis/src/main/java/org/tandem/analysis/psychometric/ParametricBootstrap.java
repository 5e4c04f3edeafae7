package org.tandem.analysis.psychometric;

import java.util.stream.IntStream;
import org.tandem.protocols.plan.SplitMix64;

/**
 * The parametric bootstrap: data sets simulated from the fitted curve with the original trial counts, each refitted
 * from the original estimate. Sample b draws from its own SplitMix64 sub-stream of the seed, so the draws are the same
 * whether the samples run on one thread or many. The same refits give the deviance distribution for the
 * goodness-of-fit test (Wichmann and Hill 2001).
 */
final class ParametricBootstrap {
    private static final ThreadLocal<BoundedNewton> NEWTON = ThreadLocal.withInitial(() -> new BoundedNewton(1e-7));

    /** values[quantity][sample], NaN where a sample's curve leaves the quantity undefined. */
    record Draws(double[][] values, double[] deviances) {
    }

    private ParametricBootstrap() {
    }

    static Draws run(FitProblem problem, Parameters estimate, int samples, long seed) {
        double[][] values = new double[Quantity.values().length][samples];
        double[] deviances = new double[samples];
        double[] p = new double[problem.u.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = estimate.psi(problem.sigmoid, problem.u[i]);
        }
        IntStream.range(0, samples).parallel().forEach(b -> {
            SplitMix64 random = SplitMix64.stream(seed, b);
            int[] k = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                k[i] = estimate.eta() > 0 ? polyaUrn(random, problem.n[i], p[i], estimate.eta())
                        : binomial(random, problem.n[i], p[i]);
            }
            FitProblem sample = problem.withCounts(k, problem.n);
            Parameters refit = MaximumLikelihood.refit(sample, estimate, NEWTON.get());
            CurveSummary summary = CurveSummary.of(sample, refit, false);
            for (Quantity q : Quantity.values()) {
                values[q.ordinal()][b] = summary.value(q);
            }
            deviances[b] = sample.deviance(refit);
        });
        return new Draws(values, deviances);
    }

    /** Binomial(n, p) as n Bernoulli draws: exact, and fast for the tens to hundreds of trials a level gets. */
    static int binomial(SplitMix64 random, int n, double p) {
        int k = 0;
        for (int j = 0; j < n; j++) {
            k += uniform(random) < p ? 1 : 0;
        }
        return k;
    }

    /**
     * Beta-binomial(n, a = pν, b = (1 − p)ν) with ν = 1/η² − 1, drawn as Pólya's urn: after j draws with y successes
     * the next succeeds with probability (a + y)/(a + b + j). Exact, and needs only uniforms.
     */
    static int polyaUrn(SplitMix64 random, int n, double p, double eta) {
        double nu = 1 / (eta * eta) - 1;
        double a = p * nu;
        int y = 0;
        for (int j = 0; j < n; j++) {
            y += uniform(random) < (a + y) / (nu + j) ? 1 : 0;
        }
        return y;
    }

    static double uniform(SplitMix64 random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }
}
