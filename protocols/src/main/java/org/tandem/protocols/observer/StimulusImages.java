package org.tandem.protocols.observer;

import org.tandem.protocols.plan.StimulusRef;

/** Resolves a stimulus reference to the exact image every observer sees. */
@FunctionalInterface
public interface StimulusImages {
    Raster image(StimulusRef stimulus);
}
