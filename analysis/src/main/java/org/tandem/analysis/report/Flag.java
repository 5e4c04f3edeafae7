package org.tandem.analysis.report;

import java.util.List;

/**
 * A statistic of the report that must not be read as a plain number: undefined, degenerate, at a bound of its range,
 * from a curve that fits poorly, or a test that cannot be run. The HTML marks the number and lists the flag with its
 * note; results.json carries the same list next to the numbers.
 *
 * @param observer  whose statistic (an observer name, or "humans (mean)")
 * @param statistic what is flagged, e.g. "accuracy", "κ with faceapi:expression", "lapse", "pair 40–50"
 * @param kind      why
 * @param note      one sentence a reader can act on
 */
public record Flag(String observer, String statistic, Kind kind, String note) {
    public static final String ACCURACY = "accuracy";
    public static final String PAIRS = "pair accuracies";
    public static final String FIT = "fit";
    public static final String LAPSE = "lapse";
    public static final String GUESS = "guess";
    public static final String PSE = "PSE";
    public static final String JND = "JND";
    public static final String SLOPE = "slope";
    public static final String PSE_TEST = "PSE against people's";
    public static final String PREDICTION = "r (predicted, observed)";

    /** Why a statistic is flagged. */
    public enum Kind {
        /** The statistic has no value (e.g. κ when one observer makes no errors). */
        UNDEFINED,
        /** Every answer right: the estimate and its interval say nothing about how much better the observer could do. */
        CEILING,
        /** Every answer wrong. */
        FLOOR,
        /** The interval includes chance: no evidence the observer does better than guessing. */
        AT_CHANCE,
        /** An interval of zero width (e.g. [40, 40]): every resample gave the same value, so it shows no uncertainty. */
        DEGENERATE,
        /** A fitted parameter sits on the bound the fit allows (e.g. lapse = 0.05). */
        AT_BOUND,
        /** The fitted curve does not describe the data (goodness-of-fit p below 0.05). */
        POOR_FIT,
        /** A location estimate lies outside the tested levels, so it is an extrapolation. */
        OUTSIDE_RANGE,
        /** Too few values for the test to be able to reach significance. */
        TOO_FEW
    }

    /** The short label the HTML puts next to a flagged number. */
    public String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The flags of one observer's statistic, for marking its number. */
    public static List<Flag> of(List<Flag> flags, String observer, String statistic) {
        return flags.stream().filter(f -> f.observer().equals(observer) && f.statistic().equals(statistic)).toList();
    }

    /** " ⚑ label" for each flag of the statistic, or "": for plain-text summaries. */
    public static String marks(List<Flag> flags, String observer, String statistic) {
        StringBuilder b = new StringBuilder();
        of(flags, observer, statistic).forEach(f -> b.append(" ⚑ ").append(f.label()));
        return b.toString();
    }
}
