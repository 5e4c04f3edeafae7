package org.tandem.protocols.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;

/** Run lengths in a planned sequence, computed independently of the planner's own bookkeeping. */
final class Runs {
    private Runs() {
    }

    /** The level the run-length limit is about: the main factor's level, for ABX the unordered A–B pair. */
    static String levelKey(Protocol protocol, Trial trial) {
        Task task = protocol.task();
        if (task instanceof Task.Abx abx) {
            String a = trial.levels().get(abx.continuum().factor() + "_a");
            String b = trial.levels().get(abx.continuum().factor() + "_b");
            return new BigDecimal(a).compareTo(new BigDecimal(b)) < 0 ? a + "-" + b : b + "-" + a;
        }
        return trial.levels().get(task.primaryFactor());
    }

    /** Longest run of equal, non-null values; a null interrupts a run. */
    static int longest(List<String> values) {
        int longest = 0;
        int run = 0;
        String previous = null;
        for (String value : values) {
            run = value != null && Objects.equals(value, previous) ? run + 1 : value == null ? 0 : 1;
            longest = Math.max(longest, run);
            previous = value;
        }
        return longest;
    }
}
