package org.tandem.engine.stimuli;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.folder.NamingScheme;

/**
 * {@code manifest.csv} of an aligned folder: per crop its file, the identity and expression when the source's name
 * follows a published set's naming (KDEF, RaFD; empty otherwise, never guessed), the source photograph, the face's number
 * in it, the detector's score and box and the two eye centres in the source's pixels, the share of the crop that lay
 * outside the photograph (filled grey), and how far (crop pixels) the eyes found again on the crop lie from the canonical
 * positions.
 */
public final class AlignmentManifest {
    public static final List<String> COLUMNS = List.of("file", "identity", "expression", "source", "face", "score",
            "source_x", "source_y", "source_width", "source_height", "left_eye_x", "left_eye_y", "right_eye_x",
            "right_eye_y", "outside", "eye_residual");

    /** One crop written: its file name in the output folder, its source's path as given, and the aligned face. */
    public record Row(String file, String source, FaceAlignment.AlignedFace face) {
    }

    private AlignmentManifest() {
    }

    public static Path write(Path folder, List<Row> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            csv.printRecord(COLUMNS);
            for (Row row : rows) {
                csv.printRecord(cells(row));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        Path manifest = folder.resolve("manifest.csv");
        try {
            Files.writeString(manifest, text.toString());
        } catch (IOException e) {
            throw new TandemException("cannot write " + manifest + " (" + e.getMessage() + "); check that the folder is"
                    + " writable and the disk is not full", e);
        }
        return manifest;
    }

    private static List<String> cells(Row row) {
        Optional<NamingScheme.Match> named = naming(Path.of(row.source()).getFileName().toString());
        DetectedFace box = row.face().detection();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(row.file());
        cells.add(named.map(NamingScheme.Match::identity).orElse(""));
        cells.add(named.map(NamingScheme.Match::expression).orElse(""));
        cells.add(row.source());
        cells.add(String.valueOf(row.face().index()));
        cells.add(number(box.score(), 10000));
        for (double v : new double[] {box.x(), box.y(), box.width(), box.height(), row.face().leftEye().getX(),
                row.face().leftEye().getY(), row.face().rightEye().getX(), row.face().rightEye().getY()}) {
            cells.add(number(v, 100));
        }
        cells.add(number(row.face().outsideFraction(), 10000));
        // no eyes found on the crop at all: flagged as such, not as a distance
        double residual = row.face().eyeResidual();
        cells.add(Double.isNaN(residual) ? "none found" : number(residual, 100));
        return cells;
    }

    /** What KDEF's or RaFD's naming says of a file name, whichever it follows (views and sessions they skip included). */
    static Optional<NamingScheme.Match> naming(String fileName) {
        for (NamingScheme scheme : NamingScheme.standard()) {
            Optional<NamingScheme.Match> match = scheme.match(fileName);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static String number(double value, double per) {
        return BigDecimal.valueOf(Math.round(value * per) / per).stripTrailingZeros().toPlainString();
    }
}
