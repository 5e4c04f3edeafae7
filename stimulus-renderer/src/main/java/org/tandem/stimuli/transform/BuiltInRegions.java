package org.tandem.stimuli.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * Where a built-in set draws a face part of one stimulus, as the regions a mask covers: the set's own face geometry
 * (its part ellipses), so no landmark detector is needed and every caller masks the same pixels.
 */
public final class BuiltInRegions {
    private BuiltInRegions() {
    }

    /** The part's ellipses in the stimulus's pixels. */
    public static List<Region> of(FaceSet faces, StimulusRef ref, FaceFeature feature) {
        List<Region> regions = new ArrayList<>();
        for (double[] e : faces.partRegions(ref, feature.name().toLowerCase(Locale.ROOT))) {
            regions.add(Region.ellipse(e[0], e[1], e[2], e[3]));
        }
        return regions;
    }
}
