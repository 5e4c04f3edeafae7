package org.tandem.analysis.psychometric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import com.sun.management.OperatingSystemMXBean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Times one maximum-likelihood fit plus its parametric bootstrap on the two reference data sets (a 7-level 2AFC and a
 * 21-level yes/no set, 30 trials per level), as {@code tandem bench fit} reports it. The target is 100 ms per fit
 * with 2000 bootstrap samples on a 2-core machine. With {@link FitMethod#BAYES} it times the Bayesian fit with
 * python-psignifit 4's defaults instead, next to psignifit's own recorded time for the same fit.
 */
public final class FitBenchmark {
    private static final String DATASETS = "benchmark-datasets.json";

    /**
     * One data set with the options it is fitted with.
     *
     * @param psignifitSeconds python-psignifit 4.3's median wall time for its default fit of the set
     */
    public record Dataset(String name, BinomialCounts counts, FitOptions options, double psignifitSeconds) {
        /** The same set with psignifit's time measured in this run (benchmarks/psignifit/time_psignifit.py). */
        public Dataset withPsignifitSeconds(double seconds) {
            return new Dataset(name, counts, options, seconds);
        }
    }

    /**
     * Milliseconds per fit (+ bootstrap for ml) over the timed repetitions.
     *
     * @param method       {@code ml} or {@code bayes}
     * @param psignifitMs  for bayes, psignifit's recorded milliseconds for the same fit (null for ml)
     * @param cpuMsPerFit  the whole process's CPU time over the timed fits, every thread's added up, per fit (a mean:
     *                     the operating system counts it in ticks of about 10 ms); less swayed by other work on the
     *                     machine than the wall time
     */
    public record Timing(String dataset, int levels, int trials, int bootstrap, int repetitions, int threads,
                         double medianMs, double p90Ms, double minMs, double maxMs, String method,
                         Double psignifitMs, double cpuMsPerFit) {
    }

    private FitBenchmark() {
    }

    /** The reference data sets: 2AFC with guess 0.5 and lapse in [0, 0.05]; yes/no with guess and lapse free. */
    public static List<Dataset> referenceDatasets(int bootstrap, long seed) {
        JsonNode root;
        try (InputStream in = FitBenchmark.class.getResourceAsStream(DATASETS)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + DATASETS, e);
        }
        List<Dataset> datasets = new ArrayList<>();
        for (JsonNode d : root.get("datasets")) {
            FitOptions options = d.get("task").asText().equals("2afc") ? FitOptions.nAfc(2) : FitOptions.yesNo();
            datasets.add(new Dataset(d.get("name").asText(), counts(d.get("rows")),
                    options.withBootstrap(bootstrap, seed), d.path("psignifit_median_s").asDouble(Double.NaN)));
        }
        return datasets;
    }

    /** Counts from JSON rows [level, k, n]. */
    static BinomialCounts counts(JsonNode rows) {
        double[] levels = new double[rows.size()];
        int[] k = new int[rows.size()];
        int[] n = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            levels[i] = rows.get(i).get(0).asDouble();
            k[i] = rows.get(i).get(1).asInt();
            n[i] = rows.get(i).get(2).asInt();
        }
        return BinomialCounts.of(levels, k, n);
    }

    /**
     * Fits each data set warmup + repetitions times (a new bootstrap seed each time, so nothing is cached) and times
     * the timed ones; afterEach runs after every fit (a progress bar).
     */
    public static List<Timing> run(List<Dataset> datasets, int repetitions, int warmup, Runnable afterEach) {
        return run(datasets, FitMethod.ML, repetitions, warmup, afterEach);
    }

    /**
     * As {@link #run(List, int, int, Runnable)} by the given method; the Bayesian fit takes python-psignifit 4's
     * defaults ({@link BayesianFitter#psignifitDefaults}) and no bootstrap.
     */
    public static List<Timing> run(List<Dataset> datasets, FitMethod method, int repetitions, int warmup,
                                   Runnable afterEach) {
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("need repetitions ≥ 1 and warmup ≥ 0");
        }
        boolean bayes = method == FitMethod.BAYES;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Timing> timings = new ArrayList<>();
        for (Dataset d : datasets) {
            double[] ms = new double[repetitions];
            long cpu = 0;
            for (int r = -warmup; r < repetitions; r++) {
                FitOptions options = bayes ? BayesianFitter.psignifitDefaults(d.options())
                        : d.options().withBootstrap(d.options().bootstrap(), d.options().seed() + r);
                if (r == 0) {
                    cpu = os.getProcessCpuTime();
                }
                long start = System.nanoTime();
                method.fit(d.counts(), options);
                long elapsed = System.nanoTime() - start;
                if (r >= 0) {
                    ms[r] = elapsed / 1e6;
                }
                afterEach.run();
            }
            double cpuPerFit = (os.getProcessCpuTime() - cpu) / 1e6 / repetitions;
            Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            percentile.setData(ms);
            timings.add(new Timing(d.name(), d.counts().size(), d.counts().totalTrials(),
                    bayes ? 0 : d.options().bootstrap(), repetitions, Runtime.getRuntime().availableProcessors(),
                    percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(1e-9), percentile.evaluate(100),
                    method.cliName(), bayes && !Double.isNaN(d.psignifitSeconds()) ? 1000 * d.psignifitSeconds() : null,
                    cpuPerFit));
        }
        return timings;
    }
}
