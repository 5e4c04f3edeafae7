package org.tandem.observer.usermodel;

import java.util.Arrays;
import java.util.Optional;

/** The file formats a model card may declare, each with the DJL engine that runs it. */
public enum ModelFormat {
    TORCHSCRIPT("torchscript", "PyTorch"),
    ONNX("onnx", "OnnxRuntime");

    private final String cardName;
    private final String engine;

    ModelFormat(String cardName, String engine) {
        this.cardName = cardName;
        this.engine = engine;
    }

    /** The spelling used in the card's {@code format} field. */
    public String cardName() {
        return cardName;
    }

    /** DJL's name for the engine that loads this format. */
    public String engine() {
        return engine;
    }

    static Optional<ModelFormat> fromCard(String name) {
        return Arrays.stream(values()).filter(f -> f.cardName.equals(name)).findFirst();
    }
}
