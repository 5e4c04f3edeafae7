package org.tandem.observer.faceapi;

import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * Which engine runs the face-api networks' plain predictions: ONNX Runtime unless {@code -Dtandem.faceapi.engine=pytorch}
 * (kept to compare the two, and as a way back should the runtime misbehave on some machine). Layer reads, lesions and
 * gradients always run on PyTorch.
 */
public enum InferenceEngine {
    ONNX_RUNTIME("onnxruntime", "ONNX Runtime"),
    PYTORCH("pytorch", "PyTorch");

    public static final String PROPERTY = "tandem.faceapi.engine";
    private final String key;
    private final String label;

    InferenceEngine(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static InferenceEngine current() {
        String value = System.getProperty(PROPERTY, ONNX_RUNTIME.key).trim().toLowerCase(Locale.ROOT);
        for (InferenceEngine e : values()) {
            if (e.key.equals(value)) {
                return e;
            }
        }
        throw new TandemException("-D" + PROPERTY + "=" + value + ": use onnxruntime or pytorch");
    }
}
