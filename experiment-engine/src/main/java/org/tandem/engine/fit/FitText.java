package org.tandem.engine.fit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.psychometric.Interval;
import org.tandem.analysis.psychometric.PsychometricFit;

/** A psychometric fit as a short table for the terminal. */
public final class FitText {
    private FitText() {
    }

    public static String render(PsychometricFit fit) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, %s, %s, guess %s, lapse %s; %d levels, %d trials%n", fit.task(),
                fit.sigmoid(), fit.direction(), fit.guessRate(), fit.lapseRate(), fit.levels(), fit.trials()));
        if (fit.directionRule() != null) {
            s.append("direction ").append(fit.directionRule()).append(System.lineSeparator());
        }
        if (!fit.fitted()) {
            return s.append(fit.reason()).append(System.lineSeparator()).toString();
        }
        String ci = fit.posterior() != null
                ? String.format(Locale.ROOT, "%.0f %% credible interval", 100 * fit.posterior().level())
                : fit.bootstrap() == null ? "" : String.format(Locale.ROOT, "%.0f %% CI", 100 * fit.bootstrap().level());
        s.append(fit.posterior() == null ? "" : "Bayesian fit (python-psignifit 4's priors): estimates are the posterior"
                + " mode (MAP)" + System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-15s %12s  %s%n", "", "estimate", ci));
        row(s, fit, "location", fit.location());
        row(s, fit, "scale", fit.scale());
        row(s, fit, "width (5–95 %)", fit.width());
        row(s, fit, "guess", fit.guess());
        row(s, fit, "lapse", fit.lapse());
        if (fit.overdispersion().defined()) {
            row(s, fit, "overdispersion", fit.overdispersion());
        }
        row(s, fit, "PSE", fit.pse());
        row(s, fit, "threshold", fit.threshold());
        row(s, fit, "JND", fit.jnd());
        row(s, fit, "slope", fit.slope());
        s.append(String.format(Locale.ROOT, "deviance %.4g on %d df", fit.deviance(), fit.devianceDf()));
        if (fit.goodnessOfFitP() != null) {
            s.append(String.format(Locale.ROOT, ", bootstrap goodness-of-fit p = %.3f (%d samples, %s intervals, seed %d)",
                    fit.goodnessOfFitP(), fit.bootstrap().samples(),
                    fit.bootstrap().method().name().toLowerCase(Locale.ROOT), fit.bootstrap().seed()));
        }
        if (fit.posterior() != null) {
            s.append(", posterior on a ").append(fit.posterior().grid().stream().map(a -> String.valueOf(a.points()))
                    .collect(java.util.stream.Collectors.joining(" × "))).append(" grid (threshold × width × guess ×"
                    + " lapse × η)");
        }
        return s.append(System.lineSeparator()).toString();
    }

    private static void row(StringBuilder s, PsychometricFit fit, String name, Estimate e) {
        if (!e.defined()) {
            s.append(String.format(Locale.ROOT, "%-15s %12s  (%s)%n", name, "—", e.reason()));
            return;
        }
        Interval ci = e.ci();
        String interval = ci == null ? "" : ci.lower() == null ? "(" + ci.reason() + ")"
                : String.format(Locale.ROOT, "[%s, %s]%s", number(ci.lower()), number(ci.upper()), ci.definedFraction() < 1
                        ? String.format(Locale.ROOT, " over the %.0f %% of %s that define%s it",
                        100 * ci.definedFraction(), fit.posterior() == null ? "samples" : "the posterior",
                        fit.posterior() == null ? "" : "s") : "");
        s.append(String.format(Locale.ROOT, "%-15s %12s  %s%n", name, number(e.value()), interval));
    }

    /** Six significant digits without trailing zeros. */
    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
