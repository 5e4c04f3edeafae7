package org.tandem.stimuli.transform;

import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * Where a face feature is in an image, in that image's pixel coordinates: e.g. the synthetic face generator, which knows
 * the landmarks of the faces it draws, or a table of regions for a photographic set. Two eyes may be two regions.
 */
@FunctionalInterface
public interface RegionSupplier {
    List<Region> regions(FaceFeature feature, Raster image);
}
