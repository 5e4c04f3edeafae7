package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.report.Flag;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.layers.LayerSweeper;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "layers", mixinStandardHelpOptions = true,
        description = {"Compare networks layer by layer: how well each layer's readout tells expressions or identities"
                + " apart on people it was not trained on (Schwartz et al.).",
                "%nA linear readout of each layer of each network is trained and scored with nested cross-validation",
                "(C chosen inside each training fold), with a 95 % bootstrap interval. Writes layers.html (one",
                "curve per network against relative depth, chance, untrained twins dashed), layers.csv and",
                "layers.json, which tandem analyze --layers adds to a report.",
                "%nExample: tandem layers --models faceapi:expression,human:mobilefacenet,human:centernet",
                "          --untrained --out layers-expression"})
final class LayersCommand implements Runnable {
    @Option(names = "--models", required = true, split = ",", paramLabel = "SPEC",
            description = "Networks to compare, comma-separated: faceapi:NAME, human:NAME, zoo:ARCH or card:FILE"
                    + " (untrained twins as NAME:untrained?seed=N, or add them all with --untrained).")
    List<String> models;

    @Option(names = "--task", defaultValue = "expression", split = ",", paramLabel = "expression|identity",
            description = "What the readouts tell apart: the six expressions (folds by identity), the identities"
                    + " (folds by image), or both: expression,identity (default: ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Mixin
    TwinOptions twins;

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Layers to read, in forward order (with one network only; default: each block's output).")
    List<String> layers;

    @Option(names = "--max-layers", defaultValue = "0", paramLabel = "N",
            description = "Read at most N of each network's block layers, evenly spaced from the first to the last"
                    + " (default: all).")
    int maxLayers;

    @Option(names = "--set", defaultValue = "varied-faces", paramLabel = "SET|PATH",
            description = "Labelled images: a built-in set's readout identities 101-124 with six expressions each,"
                    + " or an image folder or manifest with identity and expression columns (default:"
                    + " ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--readout", defaultValue = "logistic", paramLabel = "KIND",
            description = "logistic, logistic-ovr or svm (default: ${DEFAULT-VALUE}).")
    String readout;

    @Option(names = "--c", split = ",", paramLabel = "C",
            description = "The loss weights C to choose from inside each training fold (default: 0.001,0.01,0.1,1,10;"
                    + " one value fixes C).")
    double[] grid;

    @Option(names = "--pool", defaultValue = "mean", paramLabel = "mean|none",
            description = "A convolutional layer's features: its channel means, or every unit (default:"
                    + " ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the folds and the bootstrap (default:"
            + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N",
            description = "Bootstrap resamples for each interval (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<LayerSweeper.Settings> settings = tasks.stream().map(String::trim).distinct().map(this::settings).toList();
        List<LayerSweeper.Network> networks = networks();
        overwrite.check(out, ReportFiles.LAYER_FILES.stream().map(out::resolve).toList());
        List<LayerSweep> sweeps = new ArrayList<>();
        for (LayerSweeper.Settings each : settings) {
            TrainingImages images = ReadoutTrainingSets.allImages(new ReadoutSetup(set, each.task(), null));
            try (LayerBars bars = new LayerBars()) {
                sweeps.add(LayerSweeper.run(networks, images, each, bars));
            }
        }
        ReportFiles.writeLayers(sweeps, out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        sweeps.forEach(this::print);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Wrote " + out.resolve(ReportFiles.LAYER_FILES.get(0)) + ", layers.csv and layers.json");
        w.flush();
    }

    private LayerSweeper.Settings settings(String task) {
        if (bootstrap < 1) {
            throw new TandemException("--bootstrap must be at least 1, got " + bootstrap);
        }
        double[] c = grid == null ? ReadoutOptions.DEFAULT_GRID : grid;
        if (c.length == 0 || Arrays.stream(c).anyMatch(v -> !(v > 0) || Double.isInfinite(v))) {
            throw new TandemException("--c must list positive numbers, got " + Arrays.toString(c));
        }
        return new LayerSweeper.Settings(ReadoutLabels.parse(task), ClassifierKind.parse(readout), c,
                LayerPooling.parse(pool), seed, bootstrap, maxLayers);
    }

    private List<LayerSweeper.Network> networks() {
        Map<String, String> specs = twins.withTwins(models);
        if (specs.isEmpty()) {
            throw new TandemException("--models names no network; e.g. --models faceapi:expression,human:mobilefacenet");
        }
        long given = specs.values().stream().filter(java.util.Objects::isNull).count();
        if (layers != null && given > 1) {
            throw new TandemException("--layers names layers of one network, but --models names " + given
                    + "; leave --layers out to read each network's blocks");
        }
        List<LayerSweeper.Network> networks = new ArrayList<>();
        specs.forEach((spec, twinOf) -> networks.add(new LayerSweeper.Network(spec, layers, twinOf)));
        return networks;
    }

    private void print(LayerSweep sweep) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s readout, layer by layer: %d images of %s, %d classes (chance %.3f); %s; %s%n",
                sweep.task(), sweep.images(), sweep.set(), sweep.classes(), sweep.chance(), sweep.readout(),
                sweep.folds());
        List<Flag> flags = sweep.flags();
        for (LayerSweep.NetworkCurve curve : sweep.networks()) {
            w.println(curve.network() + (curve.trainedFor().isEmpty() ? "" : " (" + curve.trainedFor() + ")"));
            for (LayerSweep.LayerPoint p : curve.points()) {
                Accuracy a = p.accuracy();
                w.printf(Locale.ROOT, "  %.2f  %-58s %5d  %s%s%n", p.relativeDepth(), shortened(p.layer()),
                        p.features(), a.accuracy() == null ? "undefined: " + a.undefinedReason()
                                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", a.accuracy(), a.ciLow(), a.ciHigh()),
                        Flag.marks(flags, curve.network(), "accuracy at " + p.layer()));
            }
        }
        w.flush();
    }

    private static String shortened(String layer) {
        return layer.length() <= 58 ? layer : "…" + layer.substring(layer.length() - 57);
    }
}
