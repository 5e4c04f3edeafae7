package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** How a psychometric function is fitted. */
public enum FitMethod {
    /** Maximum likelihood with parametric-bootstrap intervals ({@link PsychometricFitter}). */
    ML,
    /** The posterior mode with credible intervals under python-psignifit 4's priors ({@link BayesianFitter}). */
    BAYES;

    /** The name on the command line and in JSON: {@code ml} or {@code bayes}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fit of these counts by this method. */
    public PsychometricFit fit(BinomialCounts counts, FitOptions options) {
        return this == ML ? PsychometricFitter.fit(counts, options) : BayesianFitter.fit(counts, options);
    }

    public static FitMethod parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName().equals(wanted)).findFirst().orElseThrow(() ->
                new TandemException("fit method '" + text + "' is not one of "
                        + Arrays.stream(values()).map(FitMethod::cliName).collect(Collectors.joining(", "))));
    }
}
