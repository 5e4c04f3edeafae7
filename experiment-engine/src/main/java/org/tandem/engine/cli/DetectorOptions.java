package org.tandem.engine.cli;

import org.tandem.observer.faceapi.TinyFaceDetector;
import picocli.CommandLine.Option;

/** The tiny face detector's settings, for every command that finds faces in photographs. */
final class DetectorOptions {
    @Option(names = "--input-size", defaultValue = "" + TinyFaceDetector.DEFAULT_INPUT_SIZE, paramLabel = "N",
            description = "Side the detector resizes each image to, a multiple of 32; larger finds smaller faces"
                    + " (default: ${DEFAULT-VALUE}, face-api's).")
    int inputSize;

    @Option(names = "--min-score", defaultValue = "" + TinyFaceDetector.DEFAULT_MIN_SCORE, paramLabel = "S",
            description = "Lowest detection score counted as a face (default: ${DEFAULT-VALUE}, face-api's).")
    double minScore;
}
