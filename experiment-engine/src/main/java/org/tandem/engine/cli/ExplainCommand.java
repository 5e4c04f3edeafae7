package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.looks.NetworkLooks;
import org.tandem.analysis.looks.ShareEstimate;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.engine.explain.ExplainImage;
import org.tandem.engine.explain.ExplainImages;
import org.tandem.engine.explain.ExplainRun;
import org.tandem.engine.explain.MapSurvey;
import org.tandem.engine.layers.LayerSweeper;
import org.tandem.observer.explain.CamMethod;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Where networks look: a class-activation map (Grad-CAM or LayerCAM) per",
                "image and network, from the gradient of a class score with respect to a",
                "layer (DJL's automatic differentiation), and each map's share of mass in",
                "the eyes, nose and mouth, by expression, with bootstrap intervals. Each",
                "network's untrained twin is mapped too: what the architecture alone does.",
                "%nWrites explain.html, explain.json (tandem analyze --explain adds it to a",
                "report), region-shares.csv, and per network maps/NETWORK/: maps.npy (raw",
                "maps, float32, images x size x size; numpy.load reads it), maps.csv naming",
                "its rows, an overlay PNG per image and contact-sheet.png.",
                "See docs/ANALYSIS.md."})
final class ExplainCommand implements Runnable {
    static final String SHARES = ExplainRun.SHARES;

    @Option(names = "--model", required = true, split = ",", paramLabel = "SPEC",
            description = "Networks to map, comma-separated: networks with expression outputs"
                    + " (faceapi:expression), or any faceapi network with --readout.")
    List<String> models;

    @Option(names = "--set", paramLabel = "SET|PATH",
            description = "The images: builtin (the built-in faces, default), a built-in set's name (varied-faces,"
                    + " synthetic-faces), or an image folder or manifest with identity and expression columns.")
    String set;

    @Option(names = "--image", arity = "1..*", paramLabel = "FILE",
            description = "Image files instead of a set, each taken whole as the face crop.")
    List<Path> imageFiles;

    @Option(names = "--regions", defaultValue = "landmarks", paramLabel = "landmarks|none",
            description = "Image files and folders: place the eyes, nose and mouth with face-api's 68-landmark network"
                    + " (default), or count no regions (the built-in faces' regions are always known exactly).")
    String regions;

    @Option(names = "--identities", defaultValue = "24", paramLabel = "N",
            description = "Built-in faces: the first N of the identities the protocols show, six expressions each"
                    + " (default: ${DEFAULT-VALUE}).")
    int identities;

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "gradcam|layercam",
            description = "How the map is made (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--layer", paramLabel = "L",
            description = "The layer to map (default: each network's last layer with spatial maps).")
    String layer;

    @Option(names = "--target", defaultValue = "predicted", paramLabel = "LABEL|predicted|shown",
            description = "The class each map explains: the network's answer (default), the expression the image"
                    + " shows, or one class label for every image.")
    String target;

    @Option(names = "--readout", paramLabel = "logistic|logistic-ovr|svm",
            description = "Explain a linear readout of a layer instead of the network's own outputs (needed for"
                    + " networks without expression outputs, e.g. faceapi:recognition): trained as the readout"
                    + " observers are, on the built-in readout identities 101-124 with six expressions.")
    String readout;

    @Option(names = "--readout-layer", paramLabel = "L",
            description = "The layer the readout reads (default: the network's default feature layer).")
    String readoutLayer;

    @Option(names = "--no-baseline", description = "Do not map each network's untrained twin.")
    boolean noBaseline;

    @Option(names = "--twin-seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the untrained twins' weights (default: ${DEFAULT-VALUE}).")
    long twinSeed;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N",
            description = "Bootstrap resamples of the images for the intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CamMethod cam = CamMethod.parse(method);
        if (identities < 1 || bootstrap < 0) {
            throw new TandemException("--identities must be at least 1 and --bootstrap at least 0");
        }
        if (set != null && imageFiles != null) {
            throw new TandemException("give the images once: --set or --image, not both");
        }
        Map<String, String> networks = networks();
        List<Path> files = new ArrayList<>(List.of(out.resolve(SHARES)));
        ReportFiles.LOOKS_FILES.forEach(f -> files.add(out.resolve(f)));
        overwrite.check(out, files);
        String setName = imageFiles != null ? "image files" : set == null || set.equals("builtin")
                ? BuiltInFaceSets.DEFAULT : set;
        if (!regions.equals("landmarks") && !regions.equals("none")) {
            throw new TandemException("--regions " + regions + ": use landmarks or none");
        }
        boolean landmarks = regions.equals("landmarks");
        List<ExplainImage> images = imageFiles != null ? ExplainImages.files(imageFiles, landmarks)
                : BuiltInFaceSets.isBuiltIn(setName) ? ExplainImages.builtIn(setName, ExplainImages.identities(identities))
                : ExplainImages.folder(setName, landmarks);
        MapSurvey.Readout trained = readout == null ? null : new MapSurvey.Readout(ClassifierKind.parse(readout),
                readoutLayer, BuiltInFaceSets.isBuiltIn(setName) ? setName : BuiltInFaceSets.DEFAULT);
        if (readout == null && readoutLayer != null) {
            throw new TandemException("--readout-layer goes with --readout");
        }
        MapSurvey.Options options = new MapSurvey.Options(cam, layer, target, bootstrap, seed, 6, trained);
        ExplainRun.Outcome outcome;
        try (Progress progress = Progress.of("explain", (long) networks.size() * images.size())) {
            String source = imageFiles == null && BuiltInFaceSets.isBuiltIn(setName) ? ExplainImages.BUILT_IN_REGIONS
                    : landmarks ? ExplainImages.LANDMARK_REGIONS : null;
            outcome = ExplainRun.run(networks, setName, images, source, options, out, progress::step);
        }
        print(outcome.study(), outcome.msPerMap());
    }

    /** The networks as given, then each one's untrained twin (unless --no-baseline), mapped to what it controls. */
    private Map<String, String> networks() {
        Map<String, String> all = new LinkedHashMap<>();
        List<String> given = models.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        given.forEach(s -> all.put(s, null));
        if (!noBaseline) {
            for (String s : given) {
                String twin = LayerSweeper.twinSpec(s, twinSeed);
                if (twin != null && !all.containsKey(twin)) {
                    all.put(twin, s);
                }
            }
        }
        return all;
    }

    private void print(LooksStudy study, double msPerMap) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s maps of %d images of %s, %.0f ms per map%n", study.method(), study.images(),
                study.set(), msPerMap);
        for (NetworkLooks n : study.networks()) {
            w.printf(Locale.ROOT, "%s (%s), layer %s, %s, explaining the %s class%s%n", n.network(),
                    n.trainedFor().isEmpty() ? "?" : n.trainedFor(), n.layer(), n.scores(), n.target(),
                    n.accuracy() == null ? ""
                            : String.format(Locale.ROOT, "; accuracy %.3f", n.accuracy()));
            if (n.groups().isEmpty()) {
                w.println("  face regions unknown for these images: maps only");
                continue;
            }
            for (int r = 0; r < study.regions().size(); r++) {
                ShareEstimate e = n.all().regions().get(r);
                w.printf(Locale.ROOT, "  %-6s %s   (its share of the pixels %.3f)%n", study.regions().get(r),
                        Double.isNaN(e.mean()) ? "undefined: every map empty" : Double.isNaN(e.lower())
                                ? String.format(Locale.ROOT, "%.3f (one image, no interval)", e.mean())
                                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.mean(), e.lower(), e.upper()),
                        n.areaShares().get(r).mean());
            }
            if (n.all().emptyMaps() > 0) {
                w.println("  " + n.all().emptyMaps() + " empty map(s) left out of the shares");
            }
        }
        w.println("Wrote " + out.resolve(ReportFiles.LOOKS_FILES.get(0)) + ", explain.json, " + SHARES + " and maps/");
        w.flush();
    }
}
