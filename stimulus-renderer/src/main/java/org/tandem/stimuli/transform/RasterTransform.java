package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/** A pure, deterministic function of one image: the same raster in gives an equal raster out, on every machine. */
@FunctionalInterface
public interface RasterTransform {
    Raster apply(Raster image);
}
