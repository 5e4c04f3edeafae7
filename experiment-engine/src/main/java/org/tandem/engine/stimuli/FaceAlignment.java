package org.tandem.engine.stimuli;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.observer.faceapi.FaceLandmarkFinder;
import org.tandem.observer.faceapi.LandmarkedFace;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.align.BilinearWarp;
import org.tandem.stimuli.align.CanonicalEyes;
import org.tandem.stimuli.align.EyeAlignment;

/**
 * Aligns the faces of a photograph: face-api's tiny detector finds them, its 68-landmark network their eyes, and each face
 * is warped by the similarity transform that puts its eye centres (means of points 36–41 and 42–47) on the canonical
 * positions of a square crop. By default a photograph must show exactly one face; one with none or several is reported,
 * not guessed at.
 *
 * <p>The landmark network places eyes less well on a tilted face than on an upright one, so the eyes are found again on
 * the upright crop (in the detector's box carried into it) and the transform is corrected, until they are found within
 * {@link #SETTLED} pixels of their place or after {@link #MAX_REFINEMENTS} corrections; the alignment whose eyes were found
 * nearest their place is kept. How far the eyes found on the final crop lie
 * from the canonical positions is kept as the face's residual, so a face that never settles is flagged.
 */
public final class FaceAlignment {
    /** Eyes found again this close (crop pixels) to the canonical positions end the corrections. */
    public static final double SETTLED = 0.5;
    public static final int MAX_REFINEMENTS = 4;

    /**
     * One aligned face: its number in the photograph, the detection, the eye centres the crop was aligned on (source
     * pixels), the crop, the share of it outside the photograph, and the largest distance (crop pixels) of the eyes found
     * again on the crop from the canonical positions.
     */
    public record AlignedFace(int index, DetectedFace detection, Point2D leftEye, Point2D rightEye, Raster crop,
                              double outsideFraction, double eyeResidual) {
    }

    /** The faces aligned from one photograph, or why none was. */
    public record Outcome(List<AlignedFace> faces, String problem) {
        public boolean aligned() {
            return problem == null;
        }
    }

    private final TinyFaceDetector detector;
    private final FaceLandmarkFinder landmarks;
    private final CanonicalEyes eyes;
    private final int size;
    private final boolean allFaces;

    /** @param allFaces align every face found instead of requiring exactly one */
    public FaceAlignment(TinyFaceDetector detector, FaceLandmarkFinder landmarks, CanonicalEyes eyes, int size,
                         boolean allFaces) {
        this.detector = detector;
        this.landmarks = landmarks;
        this.eyes = eyes;
        this.size = size;
        this.allFaces = allFaces;
    }

    public Outcome align(Raster image) {
        List<DetectedFace> found = detector.detect(image, TinyFaceDetector.DEFAULT_INPUT_SIZE,
                TinyFaceDetector.DEFAULT_MIN_SCORE);
        if (found.isEmpty()) {
            return new Outcome(List.of(), "no face");
        }
        if (found.size() > 1 && !allFaces) {
            StringBuilder text = new StringBuilder(found.size() + " faces (scores");
            found.forEach(f -> text.append(String.format(Locale.ROOT, " %.2f", f.score())));
            return new Outcome(List.of(), text.append("); --all-faces aligns each").toString());
        }
        List<AlignedFace> faces = new ArrayList<>();
        List<LandmarkedFace> marked = landmarks.find(image, found);
        for (int i = 0; i < marked.size(); i++) {
            LandmarkedFace face = marked.get(i);
            try {
                faces.add(aligned(image, i + 1, face));
            } catch (TandemException e) {
                if (!allFaces) {
                    return new Outcome(List.of(), e.getMessage());
                }
                // a degenerate face among several: the others are still aligned
            }
        }
        return faces.isEmpty() ? new Outcome(List.of(), "no face whose eyes could be aligned") : new Outcome(faces, null);
    }

    private AlignedFace aligned(Raster image, int index, LandmarkedFace face) {
        Point2D targetLeft = eyes.imageLeft(size);
        Point2D targetRight = eyes.imageRight(size);
        Point2D left = point(face.imageLeftEye());
        Point2D right = point(face.imageRightEye());
        AlignedFace best = null;
        for (int round = 0; round <= MAX_REFINEMENTS; round++) {
            AffineTransform toCrop;
            try {
                toCrop = EyeAlignment.toTarget(left, right, targetLeft, targetRight);
            } catch (TandemException e) {
                if (best == null) {
                    throw e;
                }
                break; // a correction collapsed the eyes: the best alignment so far stands
            }
            BilinearWarp.Warped warped = BilinearWarp.warp(image, toCrop, size);
            LandmarkedFace again = eyesAgain(image, face.face(), toCrop);
            double residual = Double.NaN;
            Point2D foundLeft = null;
            Point2D foundRight = null;
            if (again != null) {
                foundLeft = point(again.imageLeftEye());
                foundRight = point(again.imageRightEye());
                residual = Math.max(foundLeft.distance(targetLeft), foundRight.distance(targetRight));
            }
            AlignedFace candidate = new AlignedFace(index, face.face(), left, right, warped.image(),
                    warped.outsideFraction(), residual);
            // corrections can wander off a doubtful face: the alignment whose eyes were found best wins
            if (best == null || residual < best.eyeResidual()) {
                best = candidate;
            }
            if (again == null || residual < SETTLED) {
                break;
            }
            left = inverse(toCrop, foundLeft);
            right = inverse(toCrop, foundRight);
        }
        return best;
    }

    /**
     * The landmarks found again on the crop, in crop pixels, or null. The detector's box is wider than a crop with
     * ArcFace's eye spacing, and face-api shifts the points of a box clipped at the image's edge by the unclipped
     * origin, so the crop is looked at inside a canvas twice its side (the same warp, the photograph around it) where
     * the carried box fits whole.
     */
    private LandmarkedFace eyesAgain(Raster image, DetectedFace detection, AffineTransform toCrop) {
        int margin = size / 2;
        AffineTransform toCanvas = AffineTransform.getTranslateInstance(margin, margin);
        toCanvas.concatenate(toCrop);
        Raster canvas = BilinearWarp.warp(image, toCanvas, size + 2 * margin).image();
        List<LandmarkedFace> found = landmarks.find(canvas, List.of(carried(detection, toCanvas)));
        if (found.isEmpty()) {
            return null;
        }
        List<Landmarks68.Point> points = found.get(0).points().stream()
                .map(p -> new Landmarks68.Point(p.x() - margin, p.y() - margin)).toList();
        return new LandmarkedFace(found.get(0).face(), points);
    }

    /** The detector's box in the crop: its centre carried by the transform, its sides scaled by it, left upright. */
    public static DetectedFace carried(DetectedFace box, AffineTransform toCrop) {
        Point2D centre = toCrop.transform(new Point2D.Double(box.x() + box.width() / 2, box.y() + box.height() / 2), null);
        double scale = Math.hypot(toCrop.getScaleX(), toCrop.getShearY());
        double width = box.width() * scale;
        double height = box.height() * scale;
        return new DetectedFace(box.score(), centre.getX() - width / 2, centre.getY() - height / 2, width, height);
    }

    private static Point2D inverse(AffineTransform t, Point2D p) {
        try {
            return t.inverseTransform(p, null);
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalStateException("a similarity with a non-zero scale is invertible", e);
        }
    }

    private static Point2D point(Landmarks68.Point p) {
        return new Point2D.Double(p.x(), p.y());
    }
}
