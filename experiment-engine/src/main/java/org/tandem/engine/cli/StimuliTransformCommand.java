package org.tandem.engine.cli;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.engine.stimuli.FaceLandmarks;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.SetReport;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.folder.StimulusSetChecker;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.output.StimulusFolderWriter;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.transform.BuiltInRegions;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Region;
import org.tandem.stimuli.transform.TransformOptions;
import org.tandem.stimuli.transform.TransformedSet;
import org.tandem.stimuli.transform.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "transform", mixinStandardHelpOptions = true,
        description = {"Apply a control transform from the literature to stimulus sets and write the result as a new set.",
                "Operations: invert (upside down), negate (contrast), scramble (12×10 blocks, seeded), grey,",
                "mask-eyes / mask-nose / mask-mouth (drawn faces from their geometry, photographs with --regions landmarks),",
                "lum-match and hist-match (across all images, SHINE),",
                "resize (--size N)."})
final class StimuliTransformCommand implements Runnable {
    @Option(names = "--op", required = true, description = "The transform (see above).")
    String op;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Stimulus sets: folders or manifest files.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scramble; also the synthetic faces' seed for"
            + " locating masked parts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", defaultValue = BuiltInFaceSets.DEFAULT, paramLabel = "NAME",
            description = "The built-in face set the images were drawn from, whose face geometry places the masks"
                    + " (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--regions", defaultValue = "built-in", paramLabel = "FROM",
            description = "Where the masks find the face parts: built-in (the face geometry of the set named by --set,"
                    + " for drawn faces) or landmarks (face-api's 68 landmarks in each image's face box, for"
                    + " photographs; the manifest must give face boxes: tandem stimuli detect) (default:"
                    + " ${DEFAULT-VALUE}).")
    String regions;

    @Option(names = "--size", paramLabel = "N", description = "Target size for resize.")
    Integer size;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Transforms transform = Transforms.byName(op);
        boolean fromLandmarks = masksFromLandmarks();
        List<StimulusEntry> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            SetReport set = StimulusSetChecker.check(input).orThrow();
            for (StimulusEntry entry : set.entries()) {
                entries.add(entry);
                files.add(set.root().resolve(entry.file()));
            }
        }
        List<StimulusEntry> written = entries.stream().map(e -> new StimulusEntry(
                Path.of(e.file()).getFileName().toString(), e.ref(), e.attributes())).toList();
        overwrite.check(out, StimulusFolderOutput.files(out, written));
        List<Raster> images = files.stream().map(RasterFiles::read).toList();
        List<FaceLandmarks> landmarks = fromLandmarks ? landmarks(entries, files, images) : null;
        List<Raster> transformed;
        long clipped = 0;
        if (transform.setLevel()) {
            // luminance and histogram matching equalise the whole set at once
            TransformedSet set = transform.apply(images, options(null, null, null));
            transformed = set.images();
            clipped = set.totalClipped();
        } else {
            transformed = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                transformed.add(transform.apply(List.of(images.get(i)), options(entries.get(i), files.get(i),
                        landmarks == null ? null : landmarks.get(i))).images().get(0));
            }
        }
        List<StimulusFolderWriter.Output> outputs = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            StimulusEntry entry = written.get(i);
            Rectangle2D box = FaceBoxColumns.read(entry.attributes(), files.get(i).toString());
            if (box != null) {
                entry = new StimulusEntry(entry.file(), entry.ref(), FaceBoxColumns.with(entry.attributes(),
                        transform.faceBoxAfter(box, images.get(i), transformed.get(i))));
            }
            outputs.add(new StimulusFolderWriter.Output(entry, transformed.get(i)));
        }
        StimulusFolderWriter.Written folder = StimulusFolderWriter.write(out, outputs, 8);
        spec.commandLine().getOut().printf("%s: wrote %d images to %s%s%nManifest: %s%nContact sheet: %s%n", transform,
                folder.images(), out, clipped > 0 ? " (" + clipped + " pixels clipped to 0..255)" : "",
                folder.manifest(), folder.sheet());
    }

    /**
     * Options for one image; masks are placed from its face landmarks when they were found, else from the built-in face
     * geometry of the image's stimulus.
     */
    private TransformOptions options(StimulusEntry entry, Path file, FaceLandmarks landmarks) {
        TransformOptions options = TransformOptions.none().withSeed(seed);
        if (size != null) {
            options = options.withSize(size);
        }
        if (landmarks != null) {
            options = options.withRegions((feature, image) -> landmarks.regions(feature));
        } else if (entry != null) {
            options = options.withRegions((feature, image) -> builtInRegions(entry, file, feature, image));
        }
        return options;
    }

    /** Whether --regions asks for landmarks, checked before any image is read. */
    private boolean masksFromLandmarks() {
        if (!regions.equals("landmarks") && !regions.equals("built-in")) {
            throw new ParameterException(spec.commandLine(), "--regions must be built-in or landmarks, not '" + regions
                    + "'");
        }
        if (regions.equals("landmarks") && !op.startsWith("mask-")) {
            throw new ParameterException(spec.commandLine(), "--regions landmarks places masks, and --op " + op
                    + " masks nothing; use it with mask-eyes, mask-nose or mask-mouth");
        }
        return regions.equals("landmarks");
    }

    /** Each image's face landmarks, found all at once before anything is written. */
    private List<FaceLandmarks> landmarks(List<StimulusEntry> entries, List<Path> files, List<Raster> images) {
        List<FaceLandmarks.Face> faces = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            faces.add(new FaceLandmarks.Face(images.get(i), FaceBoxColumns.read(entries.get(i).attributes(),
                    files.get(i).toString()), files.get(i).toString()));
        }
        try (Progress progress = Progress.of("landmarks", faces.size())) {
            return FaceLandmarks.find(faces, progress::step);
        }
    }

    private List<Region> builtInRegions(StimulusEntry entry, Path file, FaceFeature feature, Raster image) {
        StimulusRef ref = entry.ref();
        if (image.width() != image.height()) {
            throw new TandemException(file + ": masks are placed on built-in faces, which are square");
        }
        StimulusRef builtIn = new StimulusRef(set, ref.identity(), ref.expression(), ref.continuum(), ref.level());
        FaceSet faces = BuiltInFaceSets.open(set, image.width(), seed);
        BuiltInMaskFit.check(file, entry, faces, builtIn, image);
        return BuiltInRegions.of(faces, builtIn, feature);
    }
}
