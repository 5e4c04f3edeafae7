package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Tandem's maximum-likelihood fits and bootstrap intervals against R psyphy and an independent numpy/scipy
 * implementation on the two reference data sets (src/test/resources/psychometric/reference.json).
 */
class ReferenceAgreementTest {
    private static final Percentage ONE_PERCENT = Percentage.withPercentage(1);
    private static final Percentage TWENTY_PERCENT = Percentage.withPercentage(20);
    /** The independent bootstrap bounded guess and lapse rates by 0.06; the intervals are compared under its bounds. */
    private static final Asymptote INDEPENDENT_BOUND = Asymptote.free(0.06);

    private static PsychometricFit twoAfc(Asymptote lapse, int bootstrap) {
        return PsychometricFitter.fit(ReferenceData.counts(ReferenceData.TWO_AFC),
                FitOptions.nAfc(2).withLapse(lapse).withBootstrap(bootstrap, 11));
    }

    private static PsychometricFit yesNo(Asymptote bound, int bootstrap) {
        return PsychometricFitter.fit(ReferenceData.counts(ReferenceData.YES_NO),
                FitOptions.yesNo().withGuess(bound).withLapse(bound).withBootstrap(bootstrap, 11));
    }

    @Test
    void twoAfcWithoutLapsesMatchesPsyphy() {
        PsychometricFit fit = twoAfc(Asymptote.fixed(0), 0);
        JsonNode r = ReferenceData.psyphy(ReferenceData.TWO_AFC, "lambda=0");
        assertSameCurve(fit, r);
        assertThat(fit.width().value()).isCloseTo(r.get("psignifit_width_equiv").asDouble(), ONE_PERCENT);
        assertThat(fit.devianceDf()).isEqualTo(5);
        // with λ = 0 the 2AFC threshold (75 % correct) is the location
        assertThat(fit.threshold().value()).isCloseTo(fit.location().value(), within(1e-9));
    }

    @Test
    void twoAfcWithBoundedLapseMatchesPsyphyAndTheIndependentFit() {
        PsychometricFit fit = twoAfc(Asymptote.free(0.05), 0);
        JsonNode independent = assertMatchesPsyphyAndIndependentFit(fit, ReferenceData.TWO_AFC, "glm.WH");
        assertThat(fit.guess().value()).isEqualTo(0.5);
        assertThat(fit.threshold().value()).isCloseTo(independent.get("x_at_scaled_p0.75").asDouble(), ONE_PERCENT);
        assertThat(fit.slope().value()).isCloseTo(independent.get("slope_at_mu").asDouble(), Percentage.withPercentage(2));
        assertThat(fit.pse().value()).isNull();
        assertThat(fit.pse().reason()).contains("never crosses 0.5", "report the threshold");
        assertThat(fit.jnd().value()).isNull();
        assertThat(fit.jnd().reason()).contains("0.25");
    }

    @Test
    void yesNoWithFreeGuessAndLapseMatchesPsyphyAndTheIndependentFit() {
        PsychometricFit fit = yesNo(Asymptote.free(0.05), 0);
        JsonNode independent = assertMatchesPsyphyAndIndependentFit(fit, ReferenceData.YES_NO, "2asym");
        assertThat(fit.pse().value()).isCloseTo(independent.get("x_at_scaled_p0.5").asDouble(), ONE_PERCENT);
        double x75 = independent.get("x_at_scaled_p0.75").asDouble();
        double x25 = independent.get("x_at_scaled_p0.25").asDouble();
        assertThat(fit.jnd().value()).isCloseTo((x75 - x25) / 2, ONE_PERCENT);
        assertThat(fit.slope().value()).isCloseTo(independent.get("slope_at_mu").asDouble(), ONE_PERCENT);
    }

    @Test
    void twoAfcBootstrapIntervalsAreAsWideAsTheIndependentBootstraps() {
        PsychometricFit fit = twoAfc(INDEPENDENT_BOUND, 2000);
        JsonNode ci = ReferenceData.independent(ReferenceData.TWO_AFC).get("bootstrap_ci");
        assertThat(fit.location().ci().width()).isCloseTo(width(ci, "mu"), TWENTY_PERCENT);
        assertThat(fit.threshold().ci().width()).isCloseTo(width(ci, "x_at_scaled_p0.75"), TWENTY_PERCENT);
        assertThat(fit.scale().ci().width()).isCloseTo(width(ci, "sigma"), TWENTY_PERCENT);
        assertThat(fit.location().ci().contains(fit.location().value())).isTrue();
        assertThat(fit.goodnessOfFitP()).isCloseTo(ReferenceData.independent(ReferenceData.TWO_AFC)
                .get("p_dev_monte_carlo").asDouble(), within(0.05));
    }

    @Test
    void yesNoBootstrapIntervalsAreAsWideAsTheIndependentBootstraps() {
        PsychometricFit fit = yesNo(INDEPENDENT_BOUND, 2000);
        JsonNode ci = ReferenceData.independent(ReferenceData.YES_NO).get("bootstrap_ci");
        assertThat(fit.location().ci().width()).isCloseTo(width(ci, "mu"), TWENTY_PERCENT);
        assertThat(fit.scale().ci().width()).isCloseTo(width(ci, "sigma"), TWENTY_PERCENT);
        assertThat(fit.width().ci().width()).isCloseTo(width(ci, "psignifit_width_equiv(3.2897*sigma)"),
                TWENTY_PERCENT);
        assertThat(fit.pse().ci().width()).isCloseTo(width(ci, "x_at_scaled_p0.5"), TWENTY_PERCENT);
        assertThat(fit.slope().ci().width()).isCloseTo(width(ci, "slope_at_mu"), TWENTY_PERCENT);
        assertThat(fit.guess().ci().width()).isCloseTo(width(ci, "gamma"), TWENTY_PERCENT);
        assertThat(fit.lapse().ci().width()).isCloseTo(width(ci, "lambda"), TWENTY_PERCENT);
        assertThat(fit.goodnessOfFitP()).isCloseTo(ReferenceData.independent(ReferenceData.YES_NO)
                .get("p_dev_monte_carlo").asDouble(), within(0.05));
    }

    /** The curve matches psyphy's and its location the independent fit's, which is returned. */
    private static JsonNode assertMatchesPsyphyAndIndependentFit(PsychometricFit fit, String dataset, String method) {
        assertSameCurve(fit, ReferenceData.psyphy(dataset, method));
        JsonNode independent = ReferenceData.independent(dataset).get("estimate");
        assertThat(fit.location().value()).isCloseTo(independent.get("mu").asDouble(), ONE_PERCENT);
        return independent;
    }

    /** Location and scale within 1 %, guess, lapse and deviance within 0.001 of psyphy's. */
    private static void assertSameCurve(PsychometricFit fit, JsonNode psyphy) {
        assertThat(fit.location().value()).isCloseTo(psyphy.get("mu").asDouble(), ONE_PERCENT);
        assertThat(fit.scale().value()).isCloseTo(psyphy.get("sigma").asDouble(), ONE_PERCENT);
        assertThat(fit.guess().value()).isCloseTo(psyphy.get("gamma").asDouble(), within(1e-3));
        assertThat(fit.lapse().value()).isCloseTo(psyphy.get("lambda").asDouble(), within(1e-3));
        assertThat(fit.deviance()).isCloseTo(psyphy.get("deviance").asDouble(), within(1e-3));
    }

    private static double width(JsonNode ci, String name) {
        JsonNode interval = ci.get(name).get("0.95");
        return interval.get(1).asDouble() - interval.get(0).asDouble();
    }
}
