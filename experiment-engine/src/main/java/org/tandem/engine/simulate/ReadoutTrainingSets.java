package org.tandem.engine.simulate;

import java.nio.file.Path;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.Task;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * The set a readout is trained on, by its spec's {@code train=}: none, the readout identities of the protocol's built-in
 * set ({@link ReadoutTrainingFaces}); a built-in set's name, that set's readout identities (so a readout can learn on
 * {@code synthetic-faces} and answer {@code varied-faces}); anything else, an image folder or manifest
 * ({@link FolderTrainingImages}).
 */
public final class ReadoutTrainingSets {
    private ReadoutTrainingSets() {
    }

    /**
     * @param protocolFaces the built-in set the protocol shows, the default training set
     */
    public static TrainingImages images(ReadoutSetup setup, Task task, FaceSet protocolFaces) {
        String train = setup.train();
        if (train == null) {
            return ReadoutTrainingFaces.forTask(protocolFaces, task, setup.labels());
        }
        if (BuiltInFaceSets.isBuiltIn(train)) {
            return ReadoutTrainingFaces.forTask(BuiltInFaceSets.defaults(train), task, setup.labels());
        }
        return FolderTrainingImages.read(train);
    }

    /**
     * Every labelled image of the set a setup names, for a readout answering no protocol ({@code tandem observe}): a
     * built-in set's readout identities with the six expressions (by default the built-in protocols' set), or a folder.
     */
    public static TrainingImages allImages(ReadoutSetup setup) {
        String train = setup.train() == null ? BuiltInFaceSets.DEFAULT : setup.train();
        if (BuiltInFaceSets.isBuiltIn(train)) {
            return ReadoutTrainingFaces.of(BuiltInFaceSets.defaults(train), ReadoutTrainingFaces.SIX_EXPRESSIONS);
        }
        return FolderTrainingImages.read(train);
    }

    /**
     * The spec with a training folder's path made absolute, as it is stored with the session: a resumed session then
     * trains on the same folder from any working directory.
     */
    public static ObserverSpec withAbsoluteTrain(ObserverSpec spec) {
        String train = spec.setup().train();
        if (train == null || BuiltInFaceSets.isBuiltIn(train)) {
            return spec;
        }
        return spec.withTrain(Path.of(train).toAbsolutePath().normalize().toString());
    }
}
