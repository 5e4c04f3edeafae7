package org.tandem.analysis.identification;

import java.util.List;
import org.tandem.analysis.records.LevelCount;

/** The proportion of trials at one continuum level identified as the counted label. */
public record IdentificationPoint(double level, double proportion) {

    public static List<IdentificationPoint> of(List<LevelCount> counts) {
        return counts.stream().map(c -> new IdentificationPoint(c.level(), c.proportion())).toList();
    }
}
