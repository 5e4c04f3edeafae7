package org.tandem.engine.stimuli;

import ai.djl.ndarray.NDManager;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Landmark68Regions;
import org.tandem.stimuli.transform.Region;

/**
 * face-api's 68 landmarks of a photograph's face, found by FaceLandmark68Net in the face's box as face-api finds them
 * (the box cut out, the points mapped back), in the whole image's pixels. The landmark network answers something for
 * any crop, even of a wall, so a face is only taken as found where face-api's detector also finds one on the box
 * (overlapping it by {@link #MIN_OVERLAP} at least) and the points stay in the box and spread over it.
 */
public record FaceLandmarks(double[] x, double[] y) {
    private static final int BATCH = 16;
    /** How far past the face box a found face's points may reach, in parts of the box (jaws and brows stick out). */
    private static final double SLACK = 0.25;
    /** The smallest spread of a found face's points, in parts of the box's width and height. */
    private static final double MIN_SPREAD = 0.25;
    /** The least intersection over union of the face box with a face the detector finds. */
    static final double MIN_OVERLAP = 0.3;

    /** One image's face to look at: where it is, and how to name it in a message. */
    public record Face(Raster image, Rectangle2D box, String name) {
    }

    /** The part's regions in the image's pixels ({@link Landmark68Regions}). */
    public List<Region> regions(FaceFeature feature) {
        return Landmark68Regions.of(feature, x, y);
    }

    /** {@link #find(List, Runnable)} without progress. */
    public static List<FaceLandmarks> find(List<Face> faces) {
        return find(faces, () -> { });
    }

    /**
     * The landmarks of each face, in order, the networks loaded once for all of them.
     *
     * @param afterEach called as each face's detection is done, for a progress bar
     * @throws TandemException in one line naming the face, when it has no face box, its box lies outside the image, or
     *                         the network found no face in it
     */
    public static List<FaceLandmarks> find(List<Face> faces, Runnable afterEach) {
        List<Raster> crops = new ArrayList<>(faces.size());
        for (Face face : faces) {
            if (face.box() == null) {
                throw new TandemException(face.name() + " gives no face box to find the face landmarks in; add the"
                        + " columns " + String.join(", ", FaceBoxColumns.NAMES) + " to its manifest (tandem stimuli"
                        + " detect writes them)");
            }
            try {
                crops.add(FaceBoxCrop.cut(face.image(), face.box()));
            } catch (TandemException e) {
                throw new TandemException(face.name() + ": " + e.getMessage() + "; correct its face box columns");
            }
        }
        List<FaceLandmarks> found = new ArrayList<>(faces.size());
        try (NDManager manager = DjlEngine.newBaseManager();
             TinyFaceDetector detector = new TinyFaceDetector(manager,
                     TfjsWeightManifest.load(ModelStore.faceApi().resolve(), TinyFaceDetector.MODEL));
             FaceLandmark68Net net = new FaceLandmark68Net(manager,
                     ModelSpec.parse("faceapi:landmarks").weights(ModelStore.faceApi()))) {
            // the detector is the slow step, so the progress follows it
            for (Face face : faces) {
                requireDetected(face, detector);
                afterEach.run();
            }
            for (int from = 0; from < crops.size(); from += BATCH) {
                List<Landmarks68> points = net.predict(crops.subList(from, Math.min(crops.size(), from + BATCH)));
                for (int i = 0; i < points.size(); i++) {
                    found.add(inImage(faces.get(from + i), points.get(i)));
                }
            }
        }
        return found;
    }

    /** Whether face-api's detector finds a face on the face box; the landmark network alone cannot tell. */
    private static void requireDetected(Face face, TinyFaceDetector detector) {
        double best = 0;
        for (DetectedFace detected : detector.detect(face.image(), TinyFaceDetector.DEFAULT_INPUT_SIZE,
                TinyFaceDetector.DEFAULT_MIN_SCORE)) {
            best = Math.max(best, overlap(face.box(), new Rectangle2D.Double(detected.x(), detected.y(),
                    detected.width(), detected.height())));
        }
        if (best < MIN_OVERLAP) {
            throw new TandemException(face.name() + ": the face landmarks cannot be found in its face box (face-api's"
                    + " detector finds no face there); check that its face box columns frame a face (tandem stimuli"
                    + " detect --force finds them anew), or leave the image out of the set");
        }
    }

    /** Intersection over union of two boxes. */
    private static double overlap(Rectangle2D a, Rectangle2D b) {
        Rectangle2D both = a.createIntersection(b);
        if (both.isEmpty()) {
            return 0;
        }
        double common = both.getWidth() * both.getHeight();
        return common / (a.getWidth() * a.getHeight() + b.getWidth() * b.getHeight() - common);
    }

    /** The crop's points moved to the image's pixels (the crop starts at the box's floored corner, clipped to 0). */
    private static FaceLandmarks inImage(Face face, Landmarks68 landmarks) {
        Rectangle2D box = face.box();
        double left = Math.floor(Math.max(0, box.getX()));
        double top = Math.floor(Math.max(0, box.getY()));
        List<Landmarks68.Point> points = landmarks.points();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = left + points.get(i).x();
            y[i] = top + points.get(i).y();
        }
        FaceLandmarks found = new FaceLandmarks(x, y);
        String problem = found.problemIn(box);
        if (problem != null) {
            throw new TandemException(face.name() + ": the face landmarks cannot be found in its face box (" + problem
                    + "); check that its face box columns frame a face, or leave the image out of the set");
        }
        return found;
    }

    /** Why these points are no face in the box, or null when they are one. */
    private String problemIn(Rectangle2D box) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                return "the network gave no position for point " + i;
            }
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double slackX = SLACK * box.getWidth();
        double slackY = SLACK * box.getHeight();
        if (minX < box.getMinX() - slackX || maxX > box.getMaxX() + slackX || minY < box.getMinY() - slackY
                || maxY > box.getMaxY() + slackY) {
            return "its points reach beyond the box";
        }
        if (maxX - minX < MIN_SPREAD * box.getWidth() || maxY - minY < MIN_SPREAD * box.getHeight()) {
            return "its points gather in a spot of the box";
        }
        return null;
    }
}
