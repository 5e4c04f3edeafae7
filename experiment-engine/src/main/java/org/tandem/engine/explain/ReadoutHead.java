package org.tandem.engine.explain;

import java.util.ArrayList;
import java.util.List;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.LabelledRows;
import org.tandem.observer.readout.LinearModel;
import org.tandem.observer.readout.ReadoutFit;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.ReadoutTrainer;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;

/**
 * The class scores of a network without expression outputs of its own: a linear readout of one layer, trained as the
 * readout observers are (the built-in readout identities 101–124, six expressions, folds by identity), so the map
 * explains what that observer answers. The readout's standardisation is folded into its weights, so the score is a
 * linear function of the layer's values that DJL can differentiate.
 */
public final class ReadoutHead {
    private static final int BATCH = 16;

    private ReadoutHead() {
    }

    /**
     * @param training the readout's training images (a built-in set's readout identities, or a folder)
     */
    public static ScoreHead train(FeatureNetwork network, String layer, ClassifierKind kind, String training,
                                  long seed) {
        if (!ClassifierKind.LINEAR.contains(kind)) {
            throw new TandemException("--readout " + kind.label() + ": maps need a linear readout (logistic,"
                    + " logistic-ovr or svm)");
        }
        ReadoutSetup setup = new ReadoutSetup(training, ReadoutLabels.EXPRESSION, null);
        TrainingImages images = ReadoutTrainingSets.allImages(setup);
        List<String> classes = images.images().stream().map(TrainingImage::expression).distinct().sorted().toList();
        float[][] rows = new float[images.images().size()][];
        for (int from = 0; from < rows.length; from += BATCH) {
            List<TrainingImage> batch = images.images().subList(from, Math.min(rows.length, from + BATCH));
            float[][] out = network.activations(batch.stream().map(TrainingImage::crop).toList(), layer).rows();
            System.arraycopy(out, 0, rows, from, out.length);
        }
        ReadoutOptions options = ReadoutOptions.of(kind, setup, seed);
        List<String> groups = new ArrayList<>();
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            TrainingImage image = images.images().get(i);
            labels[i] = classes.indexOf(image.expression());
            groups.add(options.cv().by().groupOf(image));
        }
        ReadoutFit fit = ReadoutTrainer.train(new LabelledRows(rows, labels, groups, classes.size()), options);
        if (!(fit.model() instanceof LinearModel linear)) {
            throw new IllegalStateException("a linear classifier gave a " + fit.model().getClass().getSimpleName());
        }
        return fold(layer, classes, linear);
    }

    /** w·((x − mean)/scale) + w_bias = (w/scale)·x + (w_bias − Σ w·mean/scale). */
    static ScoreHead fold(String layer, List<String> classes, LinearModel model) {
        double[] mean = model.standardisation().mean();
        double[] scale = model.standardisation().scale();
        float[][] weights = new float[classes.size()][mean.length];
        double[] bias = new double[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            double[] w = model.weights()[k];
            double offset = w[mean.length];
            for (int j = 0; j < mean.length; j++) {
                weights[k][j] = (float) (w[j] / scale[j]);
                offset -= w[j] * mean[j] / scale[j];
            }
            bias[k] = offset;
        }
        return ScoreHead.linear(layer, classes, weights, bias);
    }
}
