package org.tandem.engine.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;

/**
 * A readout training set read from an image folder or its manifest ({@code train=PATH}), checked in full as any stimulus
 * set is ({@link ImageFolderSet}). Every image keeps its identity; its expression is the manifest's {@code expression},
 * or for a morph continuum the expression at its 0 % or 100 % end. Morphs in between have no expression: identity
 * readouts train on them, expression readouts leave them out. The network is given each image whole, as image-folder
 * stimuli reach it in trials.
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
        List<TrainingImage> images = new ArrayList<>();
        for (StimulusRef ref : set.refs()) {
            images.add(new TrainingImage(ref, expressionOf(ref), set.image(ref)));
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
