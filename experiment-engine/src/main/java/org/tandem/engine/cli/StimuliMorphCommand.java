package org.tandem.engine.cli;

import java.awt.geom.Rectangle2D;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tandem.engine.stimuli.MorphPairs;
import org.tandem.engine.stimuli.PhotoLandmarks;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.NamingScheme;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.folder.StimulusSetChecker;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.morph.LandmarkMorph;
import org.tandem.stimuli.output.StimulusFolderWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "morph", mixinStandardHelpOptions = true,
        description = {"Morph photographs into a continuum by their landmarks, in equal steps.",
                "face-api's tiny face detector finds the one face of each photograph, its",
                "68-point network the landmarks; each level warps both photographs to the",
                "interpolated shape and blends them.",
                "Two photographs: --from A --to B (the same size).",
                "A set: --set FOLDER --from-expression sad --to-expression happy morphs every",
                "identity with one photograph of each; the others are listed.",
                "The manifest has the columns of 'stimuli continuum', so a protocol uses the",
                "folder the same way."})
final class StimuliMorphCommand implements Runnable {
    @Option(names = "--from", paramLabel = "IMAGE", description = "Photograph at 0 %%.")
    Path from;

    @Option(names = "--to", paramLabel = "IMAGE", description = "Photograph at 100 %%, the same size as --from.")
    Path to;

    @Option(names = "--from-name", paramLabel = "NAME", description = "Name of the --from face in the manifest"
            + " (default: the identity of a KDEF or RaFD file name, else the file name without extension).")
    String fromName;

    @Option(names = "--to-name", paramLabel = "NAME", description = "Name of the --to face (default: as --from-name).")
    String toName;

    @Option(names = "--set", paramLabel = "FOLDER", description = "A stimulus set (KDEF or RaFD names, or a manifest with"
            + " identity and expression columns): morph each identity between two expressions.")
    Path set;

    @Option(names = "--from-expression", paramLabel = "NAME", description = "With --set: the expression at 0 %%.")
    String fromExpression;

    @Option(names = "--to-expression", paramLabel = "NAME", description = "With --set: the expression at 100 %%.")
    String toExpression;

    @Option(names = "--levels", defaultValue = "21", paramLabel = "N", description = "Number of levels, ends included (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    DetectorOptions detector;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ContinuumLevels.check(levels);
        List<MorphPairs.Pair> pairs;
        List<String> leftOut = List.of();
        if (set != null) {
            if (from != null || to != null || fromName != null || toName != null || fromExpression == null
                    || toExpression == null) {
                throw new TandemException("--set needs --from-expression and --to-expression, and no --from, --to,"
                        + " --from-name or --to-name");
            }
            MorphPairs.Planned planned = MorphPairs.of(StimulusSetChecker.check(set).orThrow(), fromExpression,
                    toExpression);
            pairs = planned.pairs();
            leftOut = planned.leftOut();
        } else {
            if (from == null || to == null || fromExpression != null || toExpression != null) {
                throw new TandemException("give two photographs with --from and --to, or a set with --set,"
                        + " --from-expression and --to-expression");
            }
            pairs = List.of(pairOf(from, fromName, to, toName));
        }
        String setName = out.toAbsolutePath().normalize().getFileName().toString();
        List<List<StimulusRef>> refs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (MorphPairs.Pair pair : pairs) {
            List<StimulusRef> continuum = new ArrayList<>();
            for (int i = 0; i < levels; i++) {
                continuum.add(StimulusRef.morph(setName, pair.identity(), pair.continuum(), ContinuumLevels.percent(i, levels)));
                files.add(out.resolve(fileName(pair, i)));
            }
            refs.add(continuum);
        }
        files.addAll(StimulusFolderOutput.files(out, List.of()));
        overwrite.check(out, files);

        // every face first: a photograph without one face, or a pair of two sizes, stops the command before it writes
        Map<Path, PhotoLandmarks.Face> faces = findFaces(pairs);
        StimulusFolderWriter writer = StimulusFolderWriter.open(out);
        try (Progress progress = Progress.of("Morphing and writing", 2L * pairs.size() * levels)) {
            for (int p = 0; p < pairs.size(); p++) {
                MorphPairs.Pair pair = pairs.get(p);
                PhotoLandmarks.Face a = faces.get(pair.from());
                PhotoLandmarks.Face b = faces.get(pair.to());
                LandmarkMorph morph = new LandmarkMorph(RasterFiles.read(pair.from()), a.landmarks(),
                        RasterFiles.read(pair.to()), b.landmarks());
                List<Raster> images = IntStream.range(0, levels).parallel().mapToObj(i -> {
                    Raster level = morph.level((double) i / (levels - 1));
                    progress.step();
                    return level;
                }).toList();
                List<StimulusFolderWriter.Output> outputs = new ArrayList<>(levels);
                for (int i = 0; i < levels; i++) {
                    Rectangle2D box = between(a.box(), b.box(), (double) i / (levels - 1));
                    outputs.add(new StimulusFolderWriter.Output(new StimulusEntry(fileName(pair, i), refs.get(p).get(i),
                            FaceBoxColumns.of(box)), images.get(i)));
                }
                writer.addAll(outputs, progress::step);
            }
        }
        StimulusFolderWriter.Written written = writer.finish(Math.min(levels, 21));
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote %d continu%s of %d levels (%s) to %s%nManifest: %s%nContact sheet: %s%n", pairs.size(),
                pairs.size() == 1 ? "um" : "a", levels, String.join(", ", pairs.stream().limit(5).map(StimuliMorphCommand::describe)
                        .toList()) + (pairs.size() > 5 ? ", …" : ""), out, written.manifest(), written.sheet());
        if (!leftOut.isEmpty()) {
            console.println("Left out " + leftOut.size() + " identities without one photograph of each expression:");
            leftOut.forEach(line -> console.println("  " + line));
        }
        console.flush();
    }

    private Map<Path, PhotoLandmarks.Face> findFaces(List<MorphPairs.Pair> pairs) {
        Map<Path, PhotoLandmarks.Face> faces = new LinkedHashMap<>();
        try (PhotoLandmarks finder = new PhotoLandmarks(detector.inputSize, detector.minScore);
             Progress progress = Progress.of("Finding faces", pairs.size() * 2L)) {
            for (MorphPairs.Pair pair : pairs) {
                Raster a = RasterFiles.read(pair.from());
                Raster b = RasterFiles.read(pair.to());
                if (a.width() != b.width() || a.height() != b.height()) {
                    throw new TandemException(pair.from() + " is " + a.width() + " x " + a.height() + " but " + pair.to()
                            + " is " + b.width() + " x " + b.height() + "; a morph needs two photographs of the same"
                            + " size: crop or scale them to one size first");
                }
                faces.put(pair.from(), finder.of(a, pair.from().toString()));
                progress.step();
                faces.put(pair.to(), finder.of(b, pair.to().toString()));
                progress.step();
            }
        }
        return faces;
    }

    /**
     * Two photographs: named by their KDEF or RaFD file names when both have one (the same identity gives an expression
     * continuum such as sad-happy, two identities an identity continuum such as F01-F02), else by their file names;
     * names given on the command line make it an identity continuum between them.
     */
    static MorphPairs.Pair pairOf(Path from, String fromName, Path to, String toName) {
        NamingScheme.Match a = match(from);
        NamingScheme.Match b = match(to);
        if (fromName == null && toName == null && a != null && b != null && a.identity().equals(b.identity())) {
            return new MorphPairs.Pair(a.identity(), a.expression() + "-" + b.expression(), from, to);
        }
        String continuum = name(fromName, a, from) + "-" + name(toName, b, to);
        return new MorphPairs.Pair(continuum, continuum, from, to);
    }

    private static String name(String given, NamingScheme.Match match, Path file) {
        if (given != null) {
            if (!given.matches("[A-Za-z0-9_.]+")) {
                throw new TandemException("--from-name and --to-name take letters, digits, '.' and '_' (they name files),"
                        + " got '" + given + "'");
            }
            return given;
        }
        if (match != null) {
            return match.identity();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static NamingScheme.Match match(Path file) {
        for (NamingScheme scheme : NamingScheme.standard()) {
            var match = scheme.match(file.getFileName().toString());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return null;
    }

    private static String describe(MorphPairs.Pair pair) {
        return pair.identity().equals(pair.continuum()) ? pair.continuum() : pair.identity() + " " + pair.continuum();
    }

    private static String fileName(MorphPairs.Pair pair, int level) {
        return pair.identity().equals(pair.continuum())
                ? String.format("%s_%03d.png", pair.continuum(), level)
                : String.format("%s_%s_%03d.png", pair.identity(), pair.continuum(), level);
    }

    /** The face box at level t: the two detected boxes interpolated, as the face moves between them. */
    private static Rectangle2D between(Rectangle2D a, Rectangle2D b, double t) {
        return new Rectangle2D.Double((1 - t) * a.getX() + t * b.getX(), (1 - t) * a.getY() + t * b.getY(),
                (1 - t) * a.getWidth() + t * b.getWidth(), (1 - t) * a.getHeight() + t * b.getHeight());
    }
}
