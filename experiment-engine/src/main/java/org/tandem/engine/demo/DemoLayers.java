package org.tandem.engine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.layers.LayerSweeper;
import org.tandem.engine.simulate.ReadoutTrainingFaces;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;

/**
 * The demo's layer-by-layer comparison: each demo network's blocks (at most {@value #MAX_LAYERS}, evenly spaced) read
 * out for the six expressions on the built-in readout faces, the untrained twin beside the network it copies. C is chosen
 * inside each training fold from three values rather than five, to keep the demo short. Like the sessions, an earlier
 * demo's comparison is reused when its design is the same.
 */
public final class DemoLayers {
    static final int MAX_LAYERS = 8;
    static final double[] GRID = {0.01, 0.1, 1};
    static final int RESAMPLES = 2000;

    private DemoLayers() {
    }

    /** What the demo did: the comparison, and whether an earlier demo's was reused. */
    public record Outcome(LayerSweep sweep, boolean storedEarlier) {
    }

    /**
     * The comparison an earlier demo wrote into {@code folder} ({@code layers.json}) when it compared the same networks
     * with the same seed and readout; otherwise runs it and writes it there.
     */
    public static Outcome ensure(Path folder, long seed, LayerSweeper.Progress progress) {
        Path file = folder.resolve(ReportFiles.LAYER_FILES.get(1));
        if (Files.isRegularFile(file)) {
            try {
                List<LayerSweep> earlier = ReportFiles.readLayers(file);
                if (earlier.size() == 1 && sameDesign(earlier.get(0), seed)) {
                    return new Outcome(earlier.get(0), true);
                }
            } catch (TandemException e) {
                // not a comparison this demo can read: compute it again
            }
        }
        LayerSweep sweep = run(seed, progress);
        ReportFiles.writeLayers(List.of(sweep), folder, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new Outcome(sweep, false);
    }

    static LayerSweep run(long seed, LayerSweeper.Progress progress) {
        return LayerSweeper.run(networks(), images(), settings(seed), progress);
    }

    private static LayerSweeper.Settings settings(long seed) {
        return new LayerSweeper.Settings(ReadoutLabels.EXPRESSION, ClassifierKind.LOGISTIC, GRID, LayerPooling.MEAN,
                seed, RESAMPLES, MAX_LAYERS);
    }

    private static TrainingImages images() {
        return ReadoutTrainingFaces.of(BuiltInFaceSets.defaults(BuiltInFaceSets.DEFAULT),
                ReadoutTrainingFaces.SIX_EXPRESSIONS);
    }

    /** The earlier comparison read the demo's networks on the same images with the same readout and seed. */
    private static boolean sameDesign(LayerSweep earlier, long seed) {
        List<String> networks = networks().stream().map(LayerSweeper.Network::spec).toList();
        return earlier.seed() == seed && earlier.resamples() == RESAMPLES
                && earlier.networks().stream().map(LayerSweep.NetworkCurve::network).toList().equals(networks)
                && earlier.set().equals(images().name()) && earlier.task().equals(ReadoutLabels.EXPRESSION.label())
                && earlier.readout().equals(LayerSweeper.readoutDescription(settings(seed)))
                && earlier.networks().stream().allMatch(n -> n.points().size() <= MAX_LAYERS);
    }

    /** The networks behind the demo's observers, once each; a twin names the network it copies. */
    static List<LayerSweeper.Network> networks() {
        List<LayerSweeper.Network> networks = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (DemoObserver observer : DemoObserver.ALL) {
            String model = ObserverSpec.parse(observer.answersLabels()).model();
            if (!seen.contains(model)) {
                seen.add(model);
                int twin = model.indexOf(":untrained");
                networks.add(new LayerSweeper.Network(model, null, twin < 0 ? null : model.substring(0, twin)));
            }
        }
        return networks;
    }
}
