package org.tandem.engine.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tandem.observer.decision.CropSource;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * Face crops for model observers: the exact face box of a built-in face ({@code varied-faces}, {@code synthetic-faces}),
 * and the shown image itself for image-folder sets, whose images are taken to be face crops already (as {@code tandem
 * observe} takes them).
 */
public final class SyntheticFaceCrops implements CropSource {
    private final Map<String, FaceSet> sets = new LinkedHashMap<>();
    /** Enough for every image of the built-in protocols' plans (under 200 distinct stimuli each). */
    private final KeptCrops kept = new KeptCrops(512);

    /** Crops of the given built-in sets. */
    public SyntheticFaceCrops(FaceSet... faces) {
        for (FaceSet set : faces) {
            sets.put(set.name(), set);
        }
    }

    /** Every built-in set at the size and seed the built-in protocols show. */
    public static SyntheticFaceCrops defaults() {
        return new SyntheticFaceCrops(BuiltInFaceSets.NAMES.stream().map(BuiltInFaceSets::defaults)
                .toArray(FaceSet[]::new));
    }

    /**
     * The built-in set a protocol's readouts are trained on: the first built-in set it shows. A protocol showing none
     * (image folders only) keeps {@code synthetic-faces}, as before the built-in sets were more than one.
     */
    public FaceSet facesOf(Protocol protocol) {
        for (Protocol.StimulusSet set : protocol.stimulusSets()) {
            if (set.path() == null && sets.containsKey(set.name())) {
                return sets.get(set.name());
            }
        }
        FaceSet fallback = sets.get(SyntheticFaces.SET_NAME);
        return fallback != null ? fallback : sets.values().iterator().next();
    }

    /** The exact face box of a built-in stimulus, in pixels. */
    public java.awt.geom.Rectangle2D faceBox(StimulusRef stimulus) {
        FaceSet faces = sets.get(stimulus.set());
        if (faces == null) {
            throw new org.tandem.protocols.TandemException("no built-in face set named '" + stimulus.set() + "'");
        }
        return faces.faceCrop(stimulus);
    }

    /**
     * The face box cut from the image as shown, not drawn again: a protocol may show a built-in set masked, and the
     * network must see the pixels people see.
     */
    @Override
    public Raster crop(StimulusRef stimulus, Raster shown) {
        FaceSet faces = sets.get(stimulus.set());
        if (faces == null) {
            return shown;
        }
        if (shown.width() != faces.size() || shown.height() != faces.size()) {
            throw new IllegalStateException(stimulus.id() + " is shown at " + shown.width() + "x" + shown.height()
                    + ", but its face box is known for the set drawn at " + faces.size() + "x" + faces.size());
        }
        return kept.crop(stimulus.id(), shown, () -> FaceBoxCrop.cut(shown, faces.faceCrop(stimulus)));
    }
}
