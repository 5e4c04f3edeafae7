package org.tandem.stimuli.library;

import java.util.List;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Region;

/** Where a face part of one stimulus is, in the pixels of its image as the set gives it. */
@FunctionalInterface
public interface PartRegions {
    List<Region> of(StimulusRef ref, FaceFeature feature, Raster image);
}
