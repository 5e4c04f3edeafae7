package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Bayesian fit against python-psignifit 4.3 on eleven fits of seven data sets
 * (src/test/resources/psychometric/bayes/bayes-reference.json, made by make_reference.py there; its README says how):
 * the two reference data sets with the cumulative normal and the logistic, the 2AFC set with λ fixed and the binomial
 * model, and six drawn sets covering 3AFC Gumbel, overdispersed yes/no logistic, 2AFC Weibull (psignifit on ln x),
 * a falling yes/no curve (psignifit on −x), yes/no with the binomial model and 4AFC Student's t with 100 trials a
 * level. The first four are the psignifit fits of ../reference.json, checked against it too.
 */
class BayesReferenceTest {
    private static final JsonNode FITS = load("/psychometric/bayes/bayes-reference.json").get("fits");
    private static final Map<Integer, BayesianFitter.Analysis> ANALYSES = new ConcurrentHashMap<>();
    /** psignifit's parameter names in Tandem's order. */
    private static final String[] NAMES = {"threshold", "width", "gamma", "lambda", "eta"};
    private static final String[] LEVELS = {"0.95", "0.9", "0.68"};

    private static JsonNode load(String resource) {
        try (InputStream in = BayesReferenceTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IntStream fits() {
        return IntStream.range(0, FITS.size());
    }

    /** The options psignifit's call stands for. */
    static FitOptions options(JsonNode fit) {
        JsonNode o = fit.get("options");
        String task = o.get("experiment_type").asText();
        FitOptions options = task.equals("yes/no") ? FitOptions.yesNo()
                : FitOptions.nAfc(Integer.parseInt(task.substring(0, task.length() - 3)));
        options = BayesianFitter.psignifitDefaults(options).withSigmoid(switch (o.get("sigmoid").asText()) {
            case "norm" -> Sigmoid.CUMULATIVE_NORMAL;
            case "logistic" -> Sigmoid.LOGISTIC;
            case "gumbel" -> Sigmoid.GUMBEL;
            case "weibull" -> Sigmoid.WEIBULL; // psignifit's gumbel on ln x
            case "tdist" -> Sigmoid.STUDENT_T;
            default -> throw new IllegalArgumentException(o.get("sigmoid").asText());
        });
        JsonNode fixed = o.get("fixed_parameters");
        if (fixed != null && !fixed.isNull()) {
            if (fixed.has("lambda")) {
                options = options.withLapse(Asymptote.fixed(fixed.get("lambda").asDouble()));
            }
            if (fixed.has("eta")) {
                assertThat(fixed.get("eta").asDouble()).isZero();
                options = options.withOverdispersion(false);
            }
        }
        boolean mirrored = fit.get("axis").asText().contains("-level");
        return options.withDirection(mirrored ? Direction.DECREASING : Direction.INCREASING);
    }

    static BayesianFitter.Analysis analysis(int index) {
        return ANALYSES.computeIfAbsent(index, i -> {
            JsonNode fit = FITS.get(i);
            return BayesianFitter.analyse(FitBenchmark.counts(fit.get("data")), options(fit));
        });
    }

    private static String name(JsonNode fit) {
        return fit.get("dataset").asText() + " " + fit.get("options").get("sigmoid").asText();
    }

    private static double ciWidth(JsonNode fit, int j) {
        JsonNode ci = fit.get("credible_intervals").get(NAMES[j]).get("0.95");
        return ci.get(1).asDouble() - ci.get(0).asDouble();
    }

    @ParameterizedTest
    @MethodSource("fits")
    void mapIsWithinOnePercentOfTheCredibleIntervalOfPsignifits(int index) {
        JsonNode fit = FITS.get(index);
        BayesianFitter.Analysis analysis = analysis(index);
        assertThat(analysis.fit().fitted()).as(name(fit)).isTrue();
        for (int j = 0; j < NAMES.length; j++) {
            double expected = fit.get("MAP").get(NAMES[j]).asDouble();
            double tolerance = Math.max(0.01 * ciWidth(fit, j), 1e-9);
            assertThat(analysis.mode()[j]).as("%s MAP %s", name(fit), NAMES[j]).isCloseTo(expected,
                    within(tolerance));
        }
    }

    @ParameterizedTest
    @MethodSource("fits")
    void credibleIntervalsAreWithinTenPercentOfTheirWidthOfPsignifits(int index) {
        JsonNode fit = FITS.get(index);
        PosteriorGrid fine = analysis(index).fine();
        for (int j = 0; j < NAMES.length; j++) {
            for (String level : LEVELS) {
                JsonNode expected = fit.get("credible_intervals").get(NAMES[j]).get(level);
                double width = expected.get(1).asDouble() - expected.get(0).asDouble();
                double[] ours = CredibleIntervals.psignifit(fine.axes[j], fine.marginals[j], Double.parseDouble(level));
                for (int end = 0; end < 2; end++) {
                    assertThat(ours[end]).as("%s %s %s CI end %d", name(fit), NAMES[j], level, end)
                            .isCloseTo(expected.get(end).asDouble(), within(Math.max(0.1 * width, 1e-9)));
                }
            }
        }
    }

    /**
     * Closer than the task asks: the same first grid, so the same fine grid, and marginal posteriors and means equal
     * to psignifit's to rounding.
     */
    @ParameterizedTest
    @MethodSource("fits")
    void theFineGridMarginalsAndMeansArePsignifits(int index) {
        JsonNode fit = FITS.get(index);
        PosteriorGrid fine = analysis(index).fine();
        double[] means = fine.means();
        for (int j = 0; j < NAMES.length; j++) {
            JsonNode axis = fit.get("grid").get(NAMES[j]);
            assertThat(fine.axes[j]).as("%s grid %s", name(fit), NAMES[j]).hasSize(axis.size());
            double scale = Math.abs(axis.get(axis.size() - 1).asDouble()) + Math.abs(axis.get(0).asDouble()) + 1e-300;
            for (int i = 0; i < axis.size(); i++) {
                assertThat(fine.axes[j][i]).isCloseTo(axis.get(i).asDouble(), within(1e-12 * scale));
            }
            assertThat(means[j]).as("%s mean %s", name(fit), NAMES[j]).isCloseTo(fit.get("mean").get(NAMES[j])
                    .asDouble(), within(1e-7 * scale));
            JsonNode marginal = fit.get("marginals").get(NAMES[j]);
            if (marginal == null) {
                continue; // psignifit keeps no marginal of a fixed parameter
            }
            double[] density = density(fine.axes[j], fine.marginals[j]);
            double peak = 0;
            for (JsonNode v : marginal) {
                peak = Math.max(peak, v.asDouble());
            }
            for (int i = 0; i < density.length; i++) {
                assertThat(density[i]).as("%s marginal %s at %d", name(fit), NAMES[j], i)
                        .isCloseTo(marginal.get(i).asDouble(), within(1e-6 * peak));
            }
        }
    }

    /** psignifit's marginal: the mass over the axis divided by its trapezoidal integral. */
    private static double[] density(double[] axis, double[] mass) {
        double integral = 0;
        for (int i = 1; i < axis.length; i++) {
            integral += (mass[i] + mass[i - 1]) / 2 * (axis[i] - axis[i - 1]);
        }
        double[] d = new double[mass.length];
        for (int i = 0; i < mass.length; i++) {
            d[i] = mass[i] / integral;
        }
        return d;
    }

    /** The fit as reported: the MAP and the intervals in stimulus units, whatever the sigmoid's axis. */
    @ParameterizedTest
    @MethodSource("fits")
    void theReportedFitCarriesThemInStimulusUnits(int index) {
        JsonNode fit = FITS.get(index);
        PsychometricFit reported = analysis(index).fit();
        String axis = fit.get("axis").asText();
        java.util.function.DoubleUnaryOperator level = axis.contains("ln(level)") ? Math::exp
                : axis.contains("-level") ? u -> -u : u -> u;
        JsonNode map = fit.get("MAP");
        JsonNode ci = fit.get("credible_intervals");
        double t = map.get("threshold").asDouble();
        double lo = level.applyAsDouble(ci.get("threshold").get("0.95").get(0).asDouble());
        double hi = level.applyAsDouble(ci.get("threshold").get("0.95").get(1).asDouble());
        double span = Math.abs(hi - lo);
        assertThat(reported.location().value()).isCloseTo(level.applyAsDouble(t), within(0.01 * span));
        assertThat(reported.location().ci().lower()).isCloseTo(Math.min(lo, hi), within(0.1 * span));
        assertThat(reported.location().ci().upper()).isCloseTo(Math.max(lo, hi), within(0.1 * span));
        assertThat(reported.lapse().value()).isCloseTo(map.get("lambda").asDouble(),
                within(Math.max(0.01 * ciWidth(fit, 3), 1e-9)));
        assertThat(reported.guess().value()).isCloseTo(map.get("gamma").asDouble(),
                within(Math.max(0.01 * ciWidth(fit, 2), 1e-9)));
        Sigmoid sigmoid = Sigmoid.parse(reported.sigmoid());
        double unitWidth = sigmoid.quantile(0.95) - sigmoid.quantile(0.05);
        if (axis.contains("ln(level)")) {
            // Tandem reports a Weibull's width in stimulus units; its scale stays on the log axis
            assertThat(reported.scale().value() * unitWidth).isCloseTo(map.get("width").asDouble(),
                    within(0.01 * ciWidth(fit, 1)));
            assertThat(reported.width().value()).isCloseTo(level.applyAsDouble(t + map.get("width").asDouble()
                    * Sigmoid.WEIBULL.quantile(0.95) / unitWidth) - level.applyAsDouble(t + map.get("width").asDouble()
                    * Sigmoid.WEIBULL.quantile(0.05) / unitWidth), within(0.02 * reported.width().value()));
        } else {
            assertThat(reported.width().value()).isCloseTo(map.get("width").asDouble(), within(0.01 * ciWidth(fit, 1)));
            assertThat(reported.width().ci().lower()).isCloseTo(ci.get("width").get("0.95").get(0).asDouble(),
                    within(0.1 * ciWidth(fit, 1)));
        }
        boolean eta = !fit.get("grid").get("eta").get(fit.get("grid").get("eta").size() - 1).asText().equals("0.0");
        assertThat(reported.overdispersion().defined()).isEqualTo(eta);
    }

    /** The first four fits are the psignifit fits of ../reference.json, which the task's figures come from. */
    @Test
    void theFixturesPsignifitFitsAreThoseOfTheSharedReference() {
        JsonNode shared = load("/psychometric/reference.json").get("psignifit");
        int matched = 0;
        for (JsonNode expected : shared) {
            if (!expected.get("options").get("CI_method").asText().equals("percentiles")) {
                continue;
            }
            for (int i = 0; i < FITS.size(); i++) {
                JsonNode fit = FITS.get(i);
                if (fit.get("dataset").asText().equals(expected.get("dataset").asText())
                        && fit.get("options").get("sigmoid").asText().equals(expected.get("options").get("sigmoid")
                        .asText()) && fit.get("options").get("fixed_parameters").isNull()) {
                    matched++;
                    for (String p : NAMES) {
                        assertThat(fit.get("MAP").get(p).asDouble()).isCloseTo(expected.get("MAP").get("params")
                                .get(p).asDouble(), within(1e-9));
                        assertThat(fit.get("credible_intervals").get(p)).isEqualTo(expected.get("credible_intervals")
                                .get(p));
                    }
                    PsychometricFit ours = analysis(i).fit();
                    JsonNode ci = expected.get("credible_intervals").get("threshold").get("0.95");
                    assertThat(ours.location().ci().lower()).isCloseTo(ci.get(0).asDouble(),
                            within(0.1 * (ci.get(1).asDouble() - ci.get(0).asDouble())));
                }
            }
        }
        assertThat(matched).isEqualTo(4);
    }
}
