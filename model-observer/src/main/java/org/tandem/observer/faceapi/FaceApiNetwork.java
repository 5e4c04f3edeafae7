package org.tandem.observer.faceapi;

import java.util.List;
import java.util.function.Supplier;
import org.tandem.observer.weights.WeightShape;

/** The face-api networks Tandem runs, by the name used in model specs ({@code faceapi:<name>}). */
public enum FaceApiNetwork {
    EXPRESSION("expression", FaceExpressionNet.MODEL, FaceApiArchitectures::expression, FaceFeatureExtractor.FEATURES),
    RECOGNITION("recognition", FaceRecognitionNet.MODEL, FaceApiArchitectures::recognition, FaceRecognitionNet.DESCRIPTOR),
    AGEGENDER("agegender", AgeGenderNet.MODEL, FaceApiArchitectures::ageGender, FaceFeatureExtractor.FEATURES),
    LANDMARKS("landmarks", FaceLandmark68Net.MODEL, FaceApiArchitectures::landmarks68, FaceFeatureExtractor.FEATURES);

    private final String specName;
    private final String modelFile;
    private final Supplier<List<WeightShape>> architecture;
    private final String defaultLayer;

    FaceApiNetwork(String specName, String modelFile, Supplier<List<WeightShape>> architecture, String defaultLayer) {
        this.specName = specName;
        this.modelFile = modelFile;
        this.architecture = architecture;
        this.defaultLayer = defaultLayer;
    }

    public String specName() {
        return specName;
    }

    /** The TF.js model name in the package, e.g. {@code face_expression_model}. */
    public String modelFile() {
        return modelFile;
    }

    /** The layer read as features when none is named: the penultimate representation (descriptor or pooled features). */
    public String defaultLayer() {
        return defaultLayer;
    }

    /** What face-api trained it for: {@code expression}, {@code identity}, {@code age, gender} or {@code landmarks}. */
    public String trainedFor() {
        return switch (this) {
            case EXPRESSION -> "expression";
            case RECOGNITION -> "identity";
            case AGEGENDER -> "age, gender";
            case LANDMARKS -> "landmarks";
        };
    }

    public List<WeightShape> architecture() {
        return architecture.get();
    }
}
