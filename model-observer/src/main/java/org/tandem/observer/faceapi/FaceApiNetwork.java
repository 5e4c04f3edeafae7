package org.tandem.observer.faceapi;

import java.util.List;
import java.util.function.Supplier;
import org.tandem.observer.weights.WeightShape;

/** The face-api networks Tandem runs, by the name used in model specs ({@code faceapi:<name>}). */
public enum FaceApiNetwork {
    EXPRESSION("expression", FaceExpressionNet.MODEL, FaceApiArchitectures::expression),
    RECOGNITION("recognition", FaceRecognitionNet.MODEL, FaceApiArchitectures::recognition),
    AGEGENDER("agegender", AgeGenderNet.MODEL, FaceApiArchitectures::ageGender),
    LANDMARKS("landmarks", FaceLandmark68Net.MODEL, FaceApiArchitectures::landmarks68);

    private final String specName;
    private final String modelFile;
    private final Supplier<List<WeightShape>> architecture;

    FaceApiNetwork(String specName, String modelFile, Supplier<List<WeightShape>> architecture) {
        this.specName = specName;
        this.modelFile = modelFile;
        this.architecture = architecture;
    }

    public String specName() {
        return specName;
    }

    /** The TF.js model name in the package, e.g. {@code face_expression_model}. */
    public String modelFile() {
        return modelFile;
    }

    public List<WeightShape> architecture() {
        return architecture.get();
    }
}
