package org.tandem.stimuli.synthetic;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

/**
 * A face set that keeps the images it has drawn most recently, so that the same face drawn for several readouts,
 * sessions and layer comparisons in one run is drawn once (drawing a varied face takes far longer than running most
 * networks on it). Drawing is a pure function of the reference, so a kept image is exactly what drawing again would
 * give. At most {@code capacity} images (about 200 kB each at 256 pixels) are kept, the least recently used dropped first.
 */
final class RememberedFaceSet implements FaceSet {
    private final FaceSet faces;
    private final Map<String, Raster> drawn;

    RememberedFaceSet(FaceSet faces, int capacity) {
        this.faces = faces;
        this.drawn = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Raster> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String name() {
        return faces.name();
    }

    @Override
    public int size() {
        return faces.size();
    }

    @Override
    public Raster render(StimulusRef ref) {
        synchronized (drawn) {
            Raster kept = drawn.get(ref.id());
            if (kept != null) {
                return kept;
            }
        }
        Raster image = faces.render(ref);
        synchronized (drawn) {
            drawn.put(ref.id(), image);
        }
        return image;
    }

    @Override
    public Rectangle2D faceCrop(StimulusRef ref) {
        return faces.faceCrop(ref);
    }

    @Override
    public double[][] partRegions(StimulusRef ref, String part) {
        return faces.partRegions(ref, part);
    }
}
