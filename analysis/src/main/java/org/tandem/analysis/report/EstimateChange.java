package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.psychometric.PsychometricFit;

/**
 * The change between two independent estimates of one observer's measure (a manipulated network against it intact, a
 * masked protocol's PSE against its baseline's): after − before, with a 95 % interval that combines both estimates' own
 * intervals' half-widths in quadrature on each side (lower: √(a² + b²) below the change, with a the after estimate's
 * distance to its lower bound and b the before one's to its upper bound; likewise above).
 *
 * @param change   after − before, null when either is undefined
 * @param ciLow    lower end of the change's 95 % interval, null without one
 * @param ciHigh   upper end
 * @param interval how the interval was made, or why there is none
 */
public record EstimateChange(Double change, Double ciLow, Double ciHigh, String interval) {
    static final String QUADRATURE = "bootstrap intervals of both combined in quadrature";

    static EstimateChange of(Double before, Double beforeLow, Double beforeHigh, Double after, Double afterLow,
                             Double afterHigh) {
        if (before == null || after == null) {
            return new EstimateChange(null, null, null, "none: a value is undefined");
        }
        double change = after - before;
        if (beforeLow == null || beforeHigh == null || afterLow == null || afterHigh == null) {
            return new EstimateChange(change, null, null, "none: an estimate has no interval");
        }
        double below = Math.hypot(after - afterLow, beforeHigh - before);
        double above = Math.hypot(afterHigh - after, before - beforeLow);
        return new EstimateChange(change, change - below, change + above, QUADRATURE);
    }

    /** Between two fits' PSEs (a fit that failed has an undefined PSE, with the fit's reason). */
    static EstimateChange ofPses(Estimate before, Estimate after) {
        return of(before.value(), low(before), high(before), after.value(), low(after), high(after));
    }

    /** A fit's PSE, or an undefined one saying why the fit failed. */
    static Estimate pse(PsychometricFit fit) {
        return fit.fitted() ? fit.pse() : new Estimate(null, fit.reason(), null);
    }

    /** The section's flags on an observer's PSE and on the fit it comes from (fit, lapse, guess). */
    static List<Flag> pseFlags(List<Flag> flags, String observer) {
        List<Flag> out = new ArrayList<>();
        for (String statistic : List.of(Flag.PSE, Flag.FIT, Flag.LAPSE, Flag.GUESS)) {
            out.addAll(Flag.of(flags, observer, statistic));
        }
        return out;
    }

    private static Double low(Estimate e) {
        return e.ci() == null ? null : e.ci().lower();
    }

    private static Double high(Estimate e) {
        return e.ci() == null ? null : e.ci().upper();
    }
}
