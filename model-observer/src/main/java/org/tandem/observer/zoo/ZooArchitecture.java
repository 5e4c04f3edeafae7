package org.tandem.observer.zoo;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.basicmodelzoo.cv.classification.VGG;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Optional;

/**
 * The architectures of DJL's basic model zoo offered as controls: classic ImageNet classifiers (1000 outputs) whose
 * representations show what an architecture alone, untrained, contributes.
 */
public enum ZooArchitecture {
    VGG11("vgg11", 11, false),
    VGG13("vgg13", 13, false),
    VGG16("vgg16", 16, false),
    VGG19("vgg19", 19, false),
    RESNET18("resnet18", 18, true),
    RESNET34("resnet34", 34, true),
    RESNET50("resnet50", 50, true);

    static final int CLASSES = 1000;

    private final String specName;
    private final int depth;
    private final boolean resnet;

    ZooArchitecture(String specName, int depth, boolean resnet) {
        this.specName = specName;
        this.depth = depth;
        this.resnet = resnet;
    }

    public String specName() {
        return specName;
    }

    /** A new, uninitialised block for square RGB inputs of {@code size} pixels. */
    Block build(int size) {
        if (resnet) {
            return ResNetV1.builder().setImageShape(new Shape(3, size, size)).setNumLayers(depth).setOutSize(CLASSES)
                    .build();
        }
        return VGG.builder().setNumLayers(depth).setOutSize(CLASSES).build();
    }

    static Optional<ZooArchitecture> fromSpec(String name) {
        return Arrays.stream(values()).filter(a -> a.specName.equals(name)).findFirst();
    }
}
