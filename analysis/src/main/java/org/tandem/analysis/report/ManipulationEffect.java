package org.tandem.analysis.report;

import java.util.List;

/**
 * How a manipulated network (lesioned or weight-shuffled) answers one protocol compared with the same network intact:
 * one measure (PSE, accuracy, or τ of its errors with people's), both values and the change.
 *
 * @param protocolId  the protocol both answered
 * @param manipulated the manipulated network, as the report names it
 * @param intact      the same network intact
 * @param measure     {@code PSE}, {@code accuracy} or {@code τ with people}
 * @param intactValue the intact network's value, null when undefined
 * @param value       the manipulated network's value, null when undefined
 * @param change      value − intactValue, null when either is undefined
 * @param ciLow       lower end of the change's 95 % interval, null without one (see {@code interval})
 * @param ciHigh      upper end
 * @param interval    how the interval was made, or why there is none
 * @param note        why a value is undefined, null when both are defined
 * @param flags       the flags the protocol's section puts on either value or its fit
 */
public record ManipulationEffect(String protocolId, String manipulated, String intact, String measure,
                                 Double intactValue, Double value, Double change, Double ciLow, Double ciHigh,
                                 String interval, String note, List<Flag> flags) {
    public ManipulationEffect {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** The same effect with the section's flags on either value. */
    ManipulationEffect flagged(List<Flag> found) {
        return new ManipulationEffect(protocolId, manipulated, intact, measure, intactValue, value, change, ciLow,
                ciHigh, interval, note, found);
    }
}
