package org.tandem.engine.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.tandem.engine.stimuli.FaceBoxDetection;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.ManifestFormat;
import org.tandem.stimuli.folder.ManifestWriter;
import org.tandem.stimuli.folder.SetReport;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.folder.StimulusSetChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Find the face in each photograph of a set and write its box into the manifest.",
                "face-api's tiny face detector finds the faces; the boxes go into the manifest's",
                "face_x, face_y, face_width, face_height, so that networks see photographs",
                "through the face crop (crop: face-box, or crop: landmarks to refine the box as",
                "face-api does). Every image must show one face: images with none or with",
                "several are listed and nothing is written."})
final class StimuliDetectCommand implements Runnable {
    @Parameters(paramLabel = "SET", description = "The set's folder or its manifest file (manifest.csv or manifest.json).")
    Path set;

    @Mixin
    DetectorOptions detection;

    @Option(names = "--force", description = "Replace face boxes the manifest already gives.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SetReport report = StimulusSetChecker.check(set).orThrow();
        ManifestFormat format = manifestFormat(report);
        if (!force) {
            long boxed = report.entries().stream().filter(this::hasBox).count();
            if (boxed > 0) {
                throw new TandemException(where(report) + " already gives face boxes for " + boxed + " of "
                        + report.entries().size() + " images; add --force to replace them with the detector's");
            }
        }
        FaceBoxDetection.Result result;
        try (NDManager base = DjlEngine.newBaseManager();
             TinyFaceDetector detector = new TinyFaceDetector(base,
                     TfjsWeightManifest.load(ModelStore.faceApi().resolve(), TinyFaceDetector.MODEL));
             Progress progress = Progress.of("detect", report.entries().size())) {
            result = FaceBoxDetection.run(report, detector, detection.inputSize, detection.minScore, file -> progress.step());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!result.clear()) {
            out.println("Not one face in " + result.unclear().size() + " of " + report.entries().size() + " images:");
            result.unclear().forEach(u -> out.println("  " + u.describe()));
            out.flush();
            throw new TandemException("no face boxes written: crop or remove those images, give their boxes in the"
                    + " manifest by hand, or try another --input-size (larger finds smaller faces) or --min-score");
        }
        Path written = ManifestWriter.write(report.root(), result.entries(), format);
        out.printf(Locale.ROOT, "Found one face in each of %d images (lowest score %.2f); face boxes written to %s%n",
                result.entries().size(), result.lowestScore(), written);
        out.flush();
    }

    private boolean hasBox(StimulusEntry entry) {
        return FaceBoxColumns.read(entry.attributes(), entry.file()) != null;
    }

    /** The manifest the boxes go into: the set's own, or a new manifest.csv beside images named by a scheme. */
    private static ManifestFormat manifestFormat(SetReport report) {
        if (report.manifest() == null) {
            return ManifestFormat.CSV;
        }
        ManifestFormat format = ManifestFormat.of(report.manifest()).orElseThrow();
        if (!Objects.equals(report.manifest().getFileName().toString(), format.fileName())) {
            throw new TandemException(report.manifest() + ": face boxes are written into the folder's " + format.fileName()
                    + "; rename the manifest to that name first");
        }
        return format;
    }

    private static String where(SetReport report) {
        return String.valueOf(report.manifest() != null ? report.manifest() : report.root());
    }
}
