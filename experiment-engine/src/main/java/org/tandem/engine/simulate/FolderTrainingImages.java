package org.tandem.engine.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;

/**
 * A readout training set read from an image folder or its manifest ({@code train=PATH}), checked in full as any stimulus
 * set is ({@link ImageFolderSet}). Every image keeps its identity; its expression is the manifest's {@code expression},
 * or for a morph continuum the expression at its 0 % or 100 % end. Morphs in between have no expression: identity
 * readouts train on them, expression readouts leave them out. The network is given each image's face box when the
 * manifest gives one for every image (as image-folder stimuli reach it in trials by default), else each image whole.
 */
final class FolderTrainingImages {
    private FolderTrainingImages() {
    }

    static TrainingImages read(String train) {
        Path path = Path.of(train);
        if (!Files.exists(path)) {
            throw new TandemException("readout training set '" + train + "' is neither a built-in face set ("
                    + String.join(", ", BuiltInFaceSets.NAMES) + ") nor an image folder or"
                    + " manifest that exists; give train=SET or train=PATH in the observer spec");
        }
        ImageFolderSet set = ImageFolderSet.open(path);
        long boxed = set.refs().stream().filter(ref -> set.faceBox(ref) != null).count();
        if (boxed > 0 && boxed < set.refs().size()) {
            throw new TandemException("readout training set '" + train + "' gives face boxes for " + boxed + " of its "
                    + set.refs().size() + " images; give face_x, face_y, face_width, face_height for every image (the"
                    + " network is given the face box) or for none (it is given each image whole)");
        }
        List<TrainingImage> images = new ArrayList<>();
        for (StimulusRef ref : set.refs()) {
            Raster image = set.image(ref);
            images.add(new TrainingImage(ref, expressionOf(ref), boxed > 0 ? FaceBoxCrop.cut(image, set.faceBox(ref))
                    : image));
        }
        return new TrainingImages(train, images);
    }

    /** The prototype's expression, or the expression at a continuum's end; null for a morph in between. */
    static String expressionOf(StimulusRef ref) {
        if (ref.expression() != null) {
            return ref.expression();
        }
        String[] ends = ref.continuum().split("-");
        if (ends.length != 2) {
            return null;
        }
        double level = Double.parseDouble(ref.level());
        return level == 0 ? ends[0] : level == 100 ? ends[1] : null;
    }
}
