package org.tandem.engine.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.engine.stimuli.AlignmentManifest;
import org.tandem.engine.stimuli.FaceAlignment;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.FaceLandmarkFinder;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.align.CanonicalEyes;
import org.tandem.stimuli.folder.StimulusSetChecker;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.sheet.ContactSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Cut every face of photographs into a square crop with the eyes at fixed places.",
                "face-api's tiny face detector finds the faces and its 68-landmark network",
                "their eyes; a similarity transform (rotation, uniform scale, translation)",
                "puts the eye centres (means of points 36-41 and 42-47) at ArcFace's",
                "canonical positions, (0.3427, 0.4607) and (0.6573, 0.4607) of the side,",
                "and the photograph is resampled bilinearly (mid grey past its edges).",
                "Writes one PNG per face, manifest.csv (source, face, score, box, eye",
                "centres; identity and expression for KDEF and RaFD file names) and",
                "sheet.png. Each photograph must show one face: others are listed and",
                "skipped, unless --all-faces aligns every face found, numbered. The eyes",
                "are found again on each crop and the alignment corrected; faces whose",
                "eyes still lie over 1 px from their place are named (eye_residual)."})
final class StimuliAlignCommand implements Runnable {
    static final int MIN_SIZE = 32;
    static final int MAX_SIZE = 4096;
    /** Eyes found again on a crop farther than this (crop pixels) from their place mark its alignment as doubtful. */
    static final double UNSETTLED = 1.0;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Photographs: image files or folders of them.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--size", defaultValue = "256", paramLabel = "S",
            description = "Side of the square crops in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--all-faces", description = "Align every face found (files NAME_face1.png, ...) instead of"
            + " skipping photographs with several.")
    boolean allFaces;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new ParameterException(spec.commandLine(), "--size must be from " + MIN_SIZE + " to " + MAX_SIZE
                    + " pixels, got " + size);
        }
        List<Path> files = AlignInputs.expand(inputs);
        checkDistinctNames(files);
        // the crops' names depend on the faces found; the manifest and sheet are known before any work
        overwrite.check(out, List.of(out.resolve("manifest.csv"), out.resolve(StimulusSetChecker.CONTACT_SHEET)));
        Map<Path, FaceAlignment.Outcome> outcomes = new LinkedHashMap<>();
        try (NDManager base = DjlEngine.newBaseManager();
             TinyFaceDetector detector = new TinyFaceDetector(base,
                     TfjsWeightManifest.load(ModelStore.faceApi().resolve(), TinyFaceDetector.MODEL));
             FaceLandmark68Net landmarks = new FaceLandmark68Net(base,
                     TfjsWeightManifest.load(ModelStore.faceApi().resolve(), FaceLandmark68Net.MODEL));
             Progress progress = Progress.of("align", files.size())) {
            FaceAlignment alignment = new FaceAlignment(detector, new FaceLandmarkFinder(landmarks),
                    CanonicalEyes.ARCFACE, size, allFaces);
            for (Path file : files) {
                outcomes.put(file, alignment.align(RasterFiles.read(file)));
                progress.step();
            }
        }
        List<AlignmentManifest.Row> rows = rows(outcomes);
        PrintWriter printed = spec.commandLine().getOut();
        long skipped = outcomes.values().stream().filter(o -> !o.aligned()).count();
        if (skipped > 0) {
            printed.println("Not aligned, " + skipped + " of " + files.size() + " images:");
            outcomes.forEach((file, o) -> {
                if (!o.aligned()) {
                    printed.println("  " + file + ": " + o.problem());
                }
            });
            printed.flush();
        }
        if (rows.isEmpty()) {
            throw new TandemException("no face aligned in any of the " + files.size() + " images; nothing written"
                    + (allFaces ? "" : " (--all-faces aligns every face of photographs with several)"));
        }
        write(rows);
        List<AlignmentManifest.Row> unsettled = rows.stream().filter(r -> !(r.face().eyeResidual() < UNSETTLED)).toList();
        if (!unsettled.isEmpty()) {
            printed.printf(Locale.ROOT, "%d face%s not settled:", unsettled.size(), unsettled.size() == 1 ? "" : "s");
            for (AlignmentManifest.Row row : unsettled) {
                double residual = row.face().eyeResidual();
                printed.printf(Locale.ROOT, " %s (%s)", row.file(), Double.isNaN(residual) ? "no eyes found on the crop"
                        : String.format(Locale.ROOT, "eyes found again %.2f px from their place", residual));
            }
            printed.println("; see eye_residual in the manifest");
        }
        printed.printf(Locale.ROOT, "Aligned %d faces from %d of %d images into %s (%d x %d)%nManifest: %s%n"
                        + "Contact sheet: %s%n", rows.size(), files.size() - skipped, files.size(), out, size, size,
                out.resolve("manifest.csv"), out.resolve(StimulusSetChecker.CONTACT_SHEET));
        printed.flush();
    }

    private void write(List<AlignmentManifest.Row> rows) {
        List<Path> targets = new ArrayList<>();
        rows.forEach(r -> targets.add(out.resolve(r.file())));
        targets.add(out.resolve("manifest.csv"));
        targets.add(out.resolve(StimulusSetChecker.CONTACT_SHEET));
        overwrite.check(out, targets);
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new TandemException("cannot create output folder " + out + " (" + e.getMessage() + ")", e);
        }
        List<ContactSheet.Item> items = new ArrayList<>(rows.size());
        for (AlignmentManifest.Row row : rows) {
            RasterFiles.writePng(row.face().crop(), out.resolve(row.file()));
            items.add(new ContactSheet.Item(row.face().crop(), AlignInputs.stem(Path.of(row.file()))));
        }
        AlignmentManifest.write(out, rows);
        RasterFiles.writePng(ContactSheet.of(items, 128, 8), out.resolve(StimulusSetChecker.CONTACT_SHEET));
    }

    private List<AlignmentManifest.Row> rows(Map<Path, FaceAlignment.Outcome> outcomes) {
        List<AlignmentManifest.Row> rows = new ArrayList<>();
        outcomes.forEach((file, outcome) -> {
            for (FaceAlignment.AlignedFace face : outcome.faces()) {
                String name = AlignInputs.stem(file) + (allFaces ? "_face" + face.index() : "") + ".png";
                rows.add(new AlignmentManifest.Row(name, file.toString(), face));
            }
        });
        return rows;
    }

    /** Two photographs of one name (a.jpg, b/a.png) would write the same crop file. */
    private static void checkDistinctNames(List<Path> files) {
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path before = seen.put(AlignInputs.stem(file).toLowerCase(Locale.ROOT), file);
            if (before != null) {
                throw new TandemException(before + " and " + file + " would both be written as "
                        + AlignInputs.stem(file) + ".png; rename one or align them into separate --out folders");
            }
        }
    }
}
