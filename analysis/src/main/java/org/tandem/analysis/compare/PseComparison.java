package org.tandem.analysis.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Each network's PSE against the distribution of human PSEs (Ying et al.): a two-sided one-sample t-test of the human
 * PSEs against the network's PSE, Bonferroni-corrected over the networks that have a PSE.
 *
 * @param humans        human PSEs used
 * @param humanMean     their mean, or null with fewer than one
 * @param humanSd       their sample standard deviation, or null with fewer than two
 * @param networksTested the Bonferroni factor: networks with a PSE, or the tests of the family this one belongs to
 * @param alpha         the family-wise level {@code differs} is judged at
 * @param tests         one per network, in the given order
 */
public record PseComparison(int humans, Double humanMean, Double humanSd, int networksTested, double alpha,
                            List<NetworkPseTest> tests) {

    /**
     * One network's test.
     *
     * @param t               (mean human PSE - network PSE) / standard error of the human mean, or null when undefined
     * @param df              degrees of freedom (humans - 1)
     * @param p               two-sided p, uncorrected
     * @param pBonferroni     min(1, p × networks tested)
     * @param differs         whether pBonferroni < alpha
     * @param undefinedReason null when the test is defined
     */
    public record NetworkPseTest(String network, Double pse, Double t, int df, Double p, Double pBonferroni,
                                 Boolean differs, String undefinedReason) {
    }

    /**
     * @param humanPses   one PSE per participant; participants without a PSE (NaN) are left out, as Ying et al. do
     * @param networkPses network name → PSE, or null for a network whose curve never crosses 50 %
     * @param alpha       family-wise significance level, e.g. 0.05
     */
    public static PseComparison test(double[] allHumanPses, Map<String, Double> networkPses, double alpha) {
        return test(allHumanPses, networkPses, alpha, 0);
    }

    /**
     * As {@link #test(double[], Map, double)}, one family of several: the p values are Bonferroni-corrected over
     * {@code family} tests (e.g. every network against people in every masked condition) rather than over these
     * networks alone.
     *
     * @param family the tests the correction covers; 0 for the networks with a PSE here
     */
    public static PseComparison test(double[] allHumanPses, Map<String, Double> networkPses, double alpha, int family) {
        return test(finite(allHumanPses), networkPses, alpha, family);
    }

    /** Participants without a PSE (NaN) left out, as Ying et al. do. */
    public static SummaryStatistics finite(double[] allHumanPses) {
        SummaryStatistics stats = new SummaryStatistics();
        Arrays.stream(allHumanPses).filter(Double::isFinite).forEach(stats::addValue);
        return stats;
    }

    /** Whether people's PSEs allow a t test: at least two, and not all the same; null when they do, else why not. */
    public static String humanProblem(StatisticalSummary humans) {
        int n = (int) humans.getN();
        return n < 2 ? "needs at least 2 human PSEs, got " + n
                : humans.getStandardDeviation() == 0 ? "the human PSEs do not vary, so the t statistic is undefined"
                : null;
    }

    /**
     * As {@link #test(double[], Map, double)} from the humans' mean, SD and n alone: a published group (Ying et al.:
     * 53.2 %, SEM 1.8 %, n = 50) is tested the same way as people tested with Tandem.
     */
    public static PseComparison test(StatisticalSummary humans, Map<String, Double> networkPses, double alpha) {
        return test(humans, networkPses, alpha, 0);
    }

    private static PseComparison test(StatisticalSummary humans, Map<String, Double> networkPses, double alpha,
                                      int family) {
        int n = (int) humans.getN();
        Double mean = n > 0 ? humans.getMean() : null;
        Double sd = n > 1 ? humans.getStandardDeviation() : null;
        int tested = family > 0 ? family
                : (int) networkPses.values().stream().filter(v -> v != null && Double.isFinite(v)).count();
        String humanProblem = humanProblem(humans);
        List<NetworkPseTest> tests = new ArrayList<>();
        for (Map.Entry<String, Double> e : networkPses.entrySet()) {
            Double pse = e.getValue();
            if (pse == null || !Double.isFinite(pse)) {
                tests.add(new NetworkPseTest(e.getKey(), null, null, n - 1, null, null, null,
                        "the network has no PSE (its curve never crosses 50 %)"));
            } else if (humanProblem != null) {
                tests.add(new NetworkPseTest(e.getKey(), pse, null, n - 1, null, null, null, humanProblem));
            } else {
                TTest tTest = new TTest();
                double p = tTest.tTest(pse, humans);
                double corrected = Math.min(1, p * tested);
                tests.add(new NetworkPseTest(e.getKey(), pse, tTest.t(pse, humans), n - 1, p, corrected,
                        corrected < alpha, null));
            }
        }
        return new PseComparison(n, mean, sd, tested, alpha, tests);
    }
}
