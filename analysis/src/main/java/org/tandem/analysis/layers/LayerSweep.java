package org.tandem.analysis.layers;

import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.report.Flag;

/**
 * A layer-by-layer readout comparison (Schwartz et al.): for each network, how well a linear readout of each of its
 * layers tells the task's classes apart on images of people it was not trained on, with a bootstrap interval.
 *
 * @param task      {@code expression} or {@code identity}
 * @param set       the labelled images, e.g. {@code varied-faces-readout}
 * @param images    how many images
 * @param classes   how many classes; chance is 1 / classes
 * @param readout   the readout and how its C was chosen, e.g. {@code logistic, C chosen inside each training fold}
 * @param folds     how held-out answers were made, e.g. {@code 6 folds by identity}
 * @param pooling   how a layer became features, e.g. {@code channel means}
 * @param seed      seed of the folds and the bootstrap
 * @param resamples bootstrap resamples
 * @param networks  one curve per network, in the order asked for
 */
public record LayerSweep(String task, String set, int images, int classes, String readout, String folds, String pooling,
                         long seed, int resamples, List<NetworkCurve> networks) {

    public LayerSweep {
        networks = List.copyOf(networks);
    }

    public double chance() {
        return 1.0 / classes;
    }

    /**
     * One network's curve.
     *
     * @param network    its spec
     * @param trainedFor what it was trained for ({@code untrained} for a twin)
     * @param twinOf     for an untrained twin, the spec of the trained network it copies; otherwise null
     * @param points     its layers in forward order
     */
    public record NetworkCurve(String network, String trainedFor, String twinOf, List<LayerPoint> points) {
        public NetworkCurve {
            points = List.copyOf(points);
        }
    }

    /**
     * One layer's readout.
     *
     * @param layer         the layer's name
     * @param relativeDepth its place among the layers read, 0 (first) to 1 (last)
     * @param features      features the readout saw
     * @param accuracy      held-out accuracy with its interval
     * @param chosen        the C chosen in each outer fold, e.g. {@code 0.1, 1, 1, 1, 0.1, 1}
     */
    public record LayerPoint(String layer, double relativeDepth, int features, Accuracy accuracy, String chosen) {
    }

    /** What must not be read as a plain number: a layer at ceiling, or one whose interval reaches chance. */
    public List<Flag> flags() {
        List<Flag> flags = new ArrayList<>();
        for (NetworkCurve curve : networks) {
            for (LayerPoint p : curve.points()) {
                Accuracy a = p.accuracy();
                String statistic = "accuracy at " + p.layer();
                if (a.accuracy() == null) {
                    flags.add(new Flag(curve.network(), statistic, Flag.Kind.UNDEFINED, a.undefinedReason()));
                } else if (a.correct() == a.n()) {
                    flags.add(new Flag(curve.network(), statistic, Flag.Kind.CEILING, "every held-out image right ("
                            + a.n() + "/" + a.n() + "): the layer may hold more than this task can show"));
                } else if (a.ciLow() <= chance()) {
                    flags.add(new Flag(curve.network(), statistic, Flag.Kind.AT_CHANCE, String.format(
                            java.util.Locale.ROOT, "the interval [%.3f, %.3f] includes chance (%.3f): no evidence the"
                                    + " layer tells the classes apart", a.ciLow(), a.ciHigh(), chance())));
                }
            }
        }
        return flags;
    }
}
