package org.tandem.observer.faceapi;

import java.util.List;
import java.util.OptionalLong;
import org.tandem.protocols.observer.Raster;

/** What the four face-api networks share: crops in, one prediction per crop out, and how they run. */
public interface FaceApiModel extends AutoCloseable {
    /** Runs the crops as one batch; one prediction per crop, in order. */
    List<?> predict(List<Raster> crops);

    /** The engine that runs {@link #predict}: ONNX Runtime or PyTorch. */
    String engine();

    /** Floating-point operations of one face's forward pass, counted from its layers (empty where not counted). */
    OptionalLong flopsPerFace();

    @Override
    void close();
}
