package org.tandem.engine.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.layers.GroupBootstrap;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.layers.LayerSweep.LayerPoint;
import org.tandem.analysis.layers.LayerSweep.NetworkCurve;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.CrossValidation;
import org.tandem.observer.readout.LabelledRows;
import org.tandem.observer.readout.NestedCrossValidation;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Runs a layer-by-layer readout comparison: each network reads every image once per batch for all its layers; each
 * layer's rows get a nested cross-validated linear readout (C chosen inside each training fold), scored on held-out
 * identities (expression readouts) or held-out images (identity readouts, whose classes are the identities), with a
 * bootstrap interval that resamples the same groups.
 */
public final class LayerSweeper {

    /**
     * What to compare and how.
     *
     * @param maxLayers at most this many of a network's block layers, evenly spaced from the first to the last (0: all)
     */
    public record Settings(ReadoutLabels task, ClassifierKind readout, double[] grid, LayerPooling pooling,
                           long seed, int resamples, int maxLayers) {
        public Settings {
            if (maxLayers == 1 || maxLayers < 0) {
                throw new TandemException("at most " + maxLayers + " layers per network: give 2 or more (0: all)");
            }
            if (readout == ClassifierKind.RBF_SVM) {
                throw new TandemException("layers compares linear readouts (logistic, logistic-ovr, svm); rbf-svm"
                        + " is not offered here");
            }
            grid = grid.clone();
        }
    }

    /** One network to sweep: its spec, the layers to read (null: its block layers), and what it is a twin of. */
    public record Network(String spec, List<String> layers, String twinOf) {
    }

    /** Reports progress: images read by a network, then each layer's readout. */
    public interface Progress {
        void imagesRead(String network, int done, int total);

        void layerDone(String network, String layer, int done, int total);
    }

    private LayerSweeper() {
    }

    public static LayerSweep run(List<Network> networks, TrainingImages images, Settings settings, Progress progress) {
        List<TrainingImage> usable = images.images().stream().filter(i -> settings.task().classOf(i) != null).toList();
        List<String> classNames = usable.stream().map(settings.task()::classOf).distinct().sorted().toList();
        if (classNames.size() < 2) {
            throw new TandemException(images.name() + " has " + classNames.size() + " " + settings.task().label()
                    + " class(es); a readout needs at least 2");
        }
        int[] labels = usable.stream().mapToInt(i -> classNames.indexOf(settings.task().classOf(i))).toArray();
        CrossValidation cv = CrossValidation.defaultFor(settings.task());
        List<String> groups = usable.stream().map(cv.by()::groupOf).toList();
        List<Raster> crops = usable.stream().map(TrainingImage::crop).toList();
        ReadoutOptions options = new ReadoutOptions(settings.readout(), settings.grid(), settings.task(), cv,
                settings.seed());
        List<NetworkCurve> curves = new ArrayList<>();
        String folds = null;
        for (Network n : networks) {
            try (FeatureNetwork network = FeatureNetworks.open(n.spec(), new ReferenceUnitSelector())) {
                List<String> layers = n.layers() == null ? evenly(network.blockLayers(), settings.maxLayers())
                        : n.layers();
                checkLayers(network, layers);
                Map<String, float[][]> rows = PooledLayers.read(network, layers, crops, settings.pooling(),
                        new ImageCounter(progress, network.id(), crops.size()));
                // the layers' readouts are independent: they run side by side, each exactly as it would alone
                LayerPoint[] points = new LayerPoint[layers.size()];
                String[] foldsOf = new String[layers.size()];
                AtomicInteger done = new AtomicInteger();
                IntStream.range(0, layers.size()).parallel().forEach(k -> {
                    float[][] x = rows.get(layers.get(k));
                    NestedCrossValidation.Result result = NestedCrossValidation.run(
                            new LabelledRows(x, labels, groups, classNames.size()), options);
                    foldsOf[k] = result.folds();
                    Accuracy accuracy = GroupBootstrap.accuracy(result.correct(), groups, settings.resamples(),
                            settings.seed());
                    double depth = layers.size() == 1 ? 0 : (double) k / (layers.size() - 1);
                    points[k] = new LayerPoint(layers.get(k), depth, x[0].length, accuracy, result.chosenC());
                    synchronized (progress) {
                        progress.layerDone(network.id(), layers.get(k), done.incrementAndGet(), layers.size());
                    }
                });
                folds = foldsOf[0];
                curves.add(new NetworkCurve(network.id(), network.trainedFor(), n.twinOf(), List.of(points)));
            }
        }
        return new LayerSweep(settings.task().label(), images.name(), usable.size(), classNames.size(),
                readoutDescription(settings), folds,
                settings.pooling().description(), settings.seed(), settings.resamples(), curves);
    }

    /** The readout as a comparison records it, e.g. {@code logistic, C from 0.001, 0.01, 0.1, 1, 10 chosen inside each training fold}. */
    public static String readoutDescription(Settings settings) {
        double[] grid = settings.grid();
        return settings.readout().label() + (grid.length == 1 ? ", C = " + grid[0] : ", C from "
                + String.join(", ", java.util.Arrays.stream(grid).mapToObj(Double::toString).toList())
                + " chosen inside each training fold");
    }

    /** At most {@code max} of the layers, evenly spaced, the first and the last among them (0: all of them). */
    static List<String> evenly(List<String> layers, int max) {
        if (max == 0 || layers.size() <= max) {
            return layers;
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            chosen.add(layers.get((int) Math.round(i * (layers.size() - 1) / (double) (max - 1))));
        }
        return chosen;
    }

    /** Names every layer the network does not have, in one line. */
    private static void checkLayers(FeatureNetwork network, List<String> layers) {
        List<String> unknown = layers.stream().filter(l -> !network.layers().contains(l)).toList();
        if (!unknown.isEmpty()) {
            List<String> offered = network.layers();
            throw new TandemException("network " + network.id() + " has no layer " + String.join(", ", unknown)
                    + "; its block layers are " + String.join(", ", network.blockLayers())
                    + (offered.size() > network.blockLayers().size() ? " (" + offered.size() + " layers in all: tandem"
                    + " observe --model " + network.id() + " --layer NAME names them)" : ""));
        }
    }

    /** Turns batch steps into a running count of images read. */
    private static final class ImageCounter implements java.util.function.IntConsumer {
        private final Progress progress;
        private final String network;
        private final int total;
        private int done;

        ImageCounter(Progress progress, String network, int total) {
            this.progress = progress;
            this.network = network;
            this.total = total;
        }

        @Override
        public void accept(int images) {
            done += images;
            progress.imagesRead(network, done, total);
        }
    }

    /** The untrained twin of a face-api or human-models network spec, or null when it has none. */
    public static String twinSpec(String spec, long seed) {
        String base = spec.trim();
        boolean twinnable = (base.startsWith("faceapi:") || base.startsWith("human:")) && !base.contains("?")
                && base.indexOf(':') == base.lastIndexOf(':');
        return twinnable ? base + ":untrained?seed=" + seed : null;
    }
}
