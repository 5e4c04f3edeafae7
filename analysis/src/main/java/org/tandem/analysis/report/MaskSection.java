package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.PseComparison;

/**
 * PSE shifts by mask (Ying et al.'s feature masks): every two-AFC protocol that names a baseline protocol, set against
 * it observer by observer, and people's PSEs in each masked protocol tested against each network's.
 *
 * @param conditions the manipulated conditions in report order: a protocol's mask ({@code eyes}, {@code nose},
 *                   {@code mouth}), or its id when its set is not masked
 * @param shifts     one per observer and condition, people first, for every observer that answered the condition
 * @param tests      one per condition: people's PSEs there against each network's, Bonferroni-corrected over every
 *                   test of every condition ({@code testsShown})
 * @param testsShown the Bonferroni factor: the tests of all conditions that could be run
 * @param alpha      the family-wise level
 * @param notes      what could not be paired, e.g. a baseline protocol absent from the report
 */
public record MaskSection(List<String> conditions, List<Shift> shifts, List<ConditionTests> tests, int testsShown,
                          double alpha, List<String> notes) {
    public MaskSection {
        conditions = List.copyOf(conditions);
        shifts = List.copyOf(shifts);
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
    }

    /**
     * One observer's PSE in a condition against its PSE in the baseline protocol.
     *
     * @param baselinePse 95 % interval included; value null when undefined (reason in {@code note})
     * @param change      the masked PSE − the baseline PSE with its 95 % interval
     * @param note        why a PSE or the change is undefined (including "did not answer the baseline"), or null
     * @param flags       the sections' flags on either PSE or its fit, with the protocol each comes from
     */
    public record Shift(String condition, String protocolId, String baselineId, String observer, String kind,
                        PseValue baselinePse, PseValue pse, EstimateChange change, String note, List<Flag> flags) {
        public Shift {
            flags = List.copyOf(flags);
        }

        /** Whether the change may be read as a number: defined, with an interval, and no flag on either PSE. */
        public boolean plain() {
            return change.ciLow() != null && flags.isEmpty() && note == null;
        }
    }

    /** A PSE with its 95 % interval, null parts where undefined. */
    public record PseValue(Double value, Double ciLow, Double ciHigh) {
    }

    /**
     * People's PSEs in one condition against each network's there.
     *
     * @param protocolId the masked protocol
     * @param comparison one-sample t-tests (PseComparison), corrected over the whole family
     * @param note       why no test could be run (fewer than two participants, ...), or null
     */
    public record ConditionTests(String condition, String protocolId, PseComparison comparison, String note) {
    }
}
