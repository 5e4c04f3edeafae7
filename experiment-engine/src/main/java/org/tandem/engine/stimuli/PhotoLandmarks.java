package org.tandem.engine.stimuli;

import ai.djl.ndarray.NDManager;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.FaceLandmarkFinder;
import org.tandem.observer.faceapi.LandmarkedFace;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.morph.LandmarkShape;

/**
 * The 68 landmarks of the one face in a photograph, as face-api finds them ({@link FaceLandmarkFinder}: the tiny face
 * detector's box, cut out, and the 68-point network on it). A photograph with no face or several is refused, never
 * guessed.
 */
public final class PhotoLandmarks implements AutoCloseable {
    /** The face found: the detector's box and score, and the landmarks in the photograph's pixels. */
    public record Face(Rectangle2D box, double score, LandmarkShape landmarks) {
    }

    private final NDManager manager;
    private final TinyFaceDetector detector;
    private final FaceLandmark68Net network;
    private final FaceLandmarkFinder landmarks;
    private final int inputSize;
    private final double minScore;

    /** Loads the detector's and the landmark network's weights from the model store. */
    public PhotoLandmarks(int inputSize, double minScore) {
        manager = DjlEngine.newBaseManager();
        try {
            detector = new TinyFaceDetector(manager,
                    TfjsWeightManifest.load(ModelStore.faceApi().resolve(), TinyFaceDetector.MODEL));
            network = new FaceLandmark68Net(manager, ModelSpec.parse("faceapi:landmarks").weights(ModelStore.faceApi()));
            landmarks = new FaceLandmarkFinder(network);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.inputSize = inputSize;
        this.minScore = minScore;
    }

    /**
     * @param file the photograph's name, for the message when it shows no face or several
     * @throws TandemException unless the detector finds exactly one face
     */
    public Face of(Raster photo, String file) {
        List<DetectedFace> faces = detector.detect(photo, inputSize, minScore);
        if (faces.isEmpty()) {
            faces = detectOnCanvas(photo);
        }
        if (faces.size() != 1) {
            throw new TandemException(new FaceBoxDetection.Unclear(file, faces).describe()
                    + "; a morph needs exactly one face per image: crop the photograph to one face, or try another"
                    + " --input-size or --min-score");
        }
        DetectedFace face = faces.get(0);
        Rectangle2D box = new Rectangle2D.Double(face.x(), face.y(), face.width(), face.height());
        // face-api's own arithmetic (its clipped, floored crop; points shifted by the box's unfloored corner)
        List<LandmarkedFace> found = landmarks.find(photo, List.of(face));
        if (found.isEmpty()) {
            throw new TandemException(file + ": the face found lies outside the image; crop the photograph to the face");
        }
        List<Landmarks68.Point> points = found.get(0).points();
        double[] x = new double[points.size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
        }
        return new Face(box, face.score(), new LandmarkShape(x, y));
    }

    /**
     * The faces of an image that its face fills, such as an eye-aligned crop ({@code tandem stimuli align}): the detector's
     * boxes reach past the eyes and chin, so it finds no face there, but does with the image in the middle of a grey
     * canvas twice its size. The boxes come back in the image's pixels.
     */
    private List<DetectedFace> detectOnCanvas(Raster photo) {
        int side = 2 * Math.max(photo.width(), photo.height());
        int left = (side - photo.width()) / 2;
        int top = (side - photo.height()) / 2;
        byte[] canvas = new byte[side * side * 3];
        java.util.Arrays.fill(canvas, (byte) 128);
        byte[] rgb = photo.rgb();
        for (int row = 0; row < photo.height(); row++) {
            System.arraycopy(rgb, row * photo.width() * 3, canvas, ((top + row) * side + left) * 3, photo.width() * 3);
        }
        return detector.detect(new Raster(side, side, canvas), inputSize, minScore).stream()
                .map(f -> new DetectedFace(f.score(), f.x() - left, f.y() - top, f.width(), f.height()))
                .toList();
    }

    @Override
    public void close() {
        try {
            network.close();
            detector.close();
        } finally {
            manager.close();
        }
    }
}
