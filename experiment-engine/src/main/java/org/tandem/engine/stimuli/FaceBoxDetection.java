package org.tandem.engine.stimuli;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.SetReport;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;

/**
 * Finds the face box of every image of a folder set with face-api's face detector, so that photographs reach networks
 * through the same face crop as the built-in faces. An image must show exactly one face: an image with none or with
 * several is listed, never guessed, and then no box is kept for any image.
 */
public final class FaceBoxDetection {
    /** An image whose face could not be told: no face found, or several. */
    public record Unclear(String file, List<DetectedFace> faces) {
        public String describe() {
            if (faces.isEmpty()) {
                return file + ": no face";
            }
            StringBuilder text = new StringBuilder(file + ": " + faces.size() + " faces (scores");
            for (DetectedFace face : faces) {
                text.append(String.format(Locale.ROOT, " %.2f", face.score()));
            }
            return text.append(')').toString();
        }
    }

    /** The entries with their face boxes (when every image was clear), and the images that were not. */
    public record Result(List<StimulusEntry> entries, List<Unclear> unclear, double lowestScore) {
        public boolean clear() {
            return unclear.isEmpty();
        }
    }

    private FaceBoxDetection() {
    }

    /**
     * @param afterEach called after each image, for a progress bar
     */
    public static Result run(SetReport set, TinyFaceDetector detector, int inputSize, double minScore,
            Consumer<String> afterEach) {
        List<StimulusEntry> boxed = new ArrayList<>();
        List<Unclear> unclear = new ArrayList<>();
        double lowest = 1;
        for (StimulusEntry entry : set.entries()) {
            Path file = set.root().resolve(entry.file());
            List<DetectedFace> faces = detector.detect(RasterFiles.read(file), inputSize, minScore);
            if (faces.size() == 1) {
                DetectedFace face = faces.get(0);
                lowest = Math.min(lowest, face.score());
                boxed.add(new StimulusEntry(entry.file(), entry.ref(), FaceBoxColumns.with(entry.attributes(),
                        new Rectangle2D.Double(face.x(), face.y(), face.width(), face.height()))));
            } else {
                unclear.add(new Unclear(entry.file(), faces));
            }
            afterEach.accept(entry.file());
        }
        return new Result(unclear.isEmpty() ? boxed : List.of(), unclear, lowest);
    }
}
