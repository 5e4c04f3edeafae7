package org.tandem.engine.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;

/** The levels of a continuum in equal steps, ends included, as the manifest's level column gives them (percent). */
final class ContinuumLevels {
    static final int MAX = 1001;

    private ContinuumLevels() {
    }

    /** @throws TandemException unless 2 ≤ levels ≤ {@link #MAX} */
    static void check(int levels) {
        if (levels < 2 || levels > MAX) {
            throw new TandemException("--levels must be 2.." + MAX + ", got " + levels);
        }
    }

    /** Level {@code i} of {@code levels} in percent, e.g. "5" or "33.3333". */
    static String percent(int i, int levels) {
        return ProtocolReader.canonicalNumber(BigDecimal.valueOf(100L * i)
                .divide(BigDecimal.valueOf(levels - 1), 4, RoundingMode.HALF_EVEN));
    }
}
