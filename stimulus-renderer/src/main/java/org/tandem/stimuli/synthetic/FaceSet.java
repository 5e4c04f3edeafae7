package org.tandem.stimuli.synthetic;

import java.awt.geom.Rectangle2D;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.protocols.plan.StimulusRef;

/**
 * A built-in set of drawn faces: it draws every reference it names and knows, for each image, where the face and its
 * parts are, so masks and network crops need no landmark detector.
 */
public interface FaceSet {
    /** The set's name in stimulus references, e.g. {@code varied-faces}. */
    String name();

    /** Width and height of every image, in pixels. */
    int size();

    Raster render(StimulusRef ref);

    /**
     * Where face-api's aligned face crop would lie in this stimulus, in pixels: what a face network is given as its
     * input crop.
     */
    Rectangle2D faceCrop(StimulusRef ref);

    /**
     * Ellipses over a face part in pixels, each as (centre x, centre y, radius x, radius y): {@code eyes} (two),
     * {@code nose} or {@code mouth}.
     */
    double[][] partRegions(StimulusRef ref, String part);

    /**
     * The face crop a face network is given for this stimulus: {@link #faceCrop} clipped to the image and floored, as
     * face-api does before its own pad-to-square and resize.
     */
    default Raster renderFaceCrop(StimulusRef ref) {
        return FaceBoxCrop.cut(render(ref), faceCrop(ref));
    }
}
