package org.tandem.analysis.report.plot;

import org.tandem.analysis.rsa.Rdm;

/**
 * An RDM for the report, drawn by {@link HeatMap} over its condition labels: shaded from 0 (white) to the RDM's largest
 * entry (dark blue), since correlation distances run to 2 and Euclidean ones have no fixed top; undefined entries grey.
 */
public final class RdmHeatMap {
    private RdmHeatMap() {
    }

    public static String svg(String title, Rdm rdm) {
        return HeatMap.svg(title, rdm.labels(), rdm.values(), new HeatMap.Scale(max(rdm), "", "dissimilarity"));
    }

    /** The largest defined entry, or 1 when there is none above 0 (all NaN, or all conditions alike). */
    static double max(Rdm rdm) {
        double max = 0;
        for (double v : rdm.upperTriangle()) {
            if (v > max && !Double.isInfinite(v)) {
                max = v;
            }
        }
        return max > 0 ? max : 1;
    }
}
