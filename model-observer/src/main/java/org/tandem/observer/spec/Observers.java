package org.tandem.observer.spec;

import org.tandem.observer.decision.AbxDistanceObserver;
import org.tandem.observer.decision.AbxNoise;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.ExpressionNetworkObserver;
import org.tandem.observer.features.CachedFeatureNetwork;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.UnitPopulation;
import org.tandem.observer.manipulation.LesionFill;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.observer.manipulation.UnitSelector;
import org.tandem.observer.readout.ReadoutObserver;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.ReadoutTraining;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.PredictionCache;

/**
 * Opens the model observer an {@link ObserverSpec} names for a task: classification and two-AFC trials are answered by
 * the expression network's own outputs ({@link ExpressionNetworkObserver}, with the decision rule) or, when the spec names
 * a readout, by a readout of a layer of any network ({@link ReadoutObserver}); ABX trials by feature distances in a
 * layer of any network ({@link AbxDistanceObserver}, with the spec's distance and noise). The observer's id is the spec's
 * canonical spelling, so a stored session re-opens the same observer.
 */
public final class Observers {
    private static final String FACEAPI = "faceapi:";
    private static final String HUMAN_EMOTION = "human:emotion";

    private Observers() {
    }

    /** Readouts are cross-validated with this fixed seed, so every session of one spec reads out the same classifier. */
    public static final long READOUT_SEED = 1;

    /** As {@link #open(ObserverSpec, Task, CropSource, long, DecisionRule, ReadoutTraining)} without readouts. */
    public static Observer open(ObserverSpec spec, Task task, CropSource crops, long sessionSeed, DecisionRule rule) {
        return open(spec, task, crops, sessionSeed, rule, ReadoutTraining.NONE);
    }

    /**
     * @param sessionSeed the seed of the session, from which an ABX observer draws its decision noise
     * @param rule        how classification and two-AFC answers are chosen; ABX takes only {@code argmax}
     * @param training    the training images of readout observers
     */
    public static Observer open(ObserverSpec spec, Task task, CropSource crops, long sessionSeed, DecisionRule rule,
                                ReadoutTraining training) {
        return open(spec, task, crops, sessionSeed, rule, training, UnitSelector.LISTED_ONLY);
    }

    /** @param selector resolves the units a lesioned network's spec silences (see {@link UnitSelector}) */
    public static Observer open(ObserverSpec spec, Task task, CropSource crops, long sessionSeed, DecisionRule rule,
                                ReadoutTraining training, UnitSelector selector) {
        return open(spec, task, crops, sessionSeed, rule, training, selector, PredictionCache.NONE);
    }

    /**
     * @param cache where the network's predictions (outputs, or the layer a readout or ABX observer reads) are kept and
     *              found again, by network key and image; networks without a key are always run
     */
    public static Observer open(ObserverSpec spec, Task task, CropSource crops, long sessionSeed, DecisionRule rule,
                                ReadoutTraining training, UnitSelector selector, PredictionCache cache) {
        check(spec, task, rule);
        if (task instanceof Task.Abx abx) {
            FeatureNetwork net = CachedFeatureNetwork.of(FeatureNetworks.open(spec.model(), selector), cache);
            try {
                String layer = spec.layer() != null ? spec.layer() : net.defaultLayer();
                return new AbxDistanceObserver(spec.toString(), abx, net, true, layer, spec.distance(),
                        new AbxNoise(spec.noise(), spec.relative()), sessionSeed, crops);
            } catch (RuntimeException e) {
                net.close();
                throw e;
            }
        }
        if (spec.readout() != null) {
            return readout(spec, task, crops, rule, training, selector, cache);
        }
        return ExpressionNetworkObserver.open(spec.model(), task, crops, rule, selector, cache);
    }

    /**
     * Whether the spec can answer the task with the rule, as far as that is known without loading a network or drawing
     * an image: what {@link #open} checks first, for a caller (a sweep) that checks every combination before running any.
     *
     * @throws TandemException saying what to give instead
     */
    public static void check(ObserverSpec spec, Task task, DecisionRule rule) {
        if (task instanceof Task.Abx) {
            if (!(rule instanceof DecisionRule.Argmax)) {
                throw new TandemException("the decision rule '" + rule.describe() + "' applies to classification and"
                        + " two-afc; an ABX observer chooses the nearer stimulus, so give its decision noise in the"
                        + " observer spec instead, e.g. " + spec.withNoise(0.1));
            }
            if (spec.readout() != null) {
                throw new TandemException("observer '" + spec + "': a readout answers classification and two-afc trials;"
                        + " ABX trials are answered by comparing features, so leave readout out");
            }
            return;
        }
        if (spec.comparesFeatures()) {
            throw new TandemException("observer '" + spec + "': distance and noise are options of ABX observers;"
                    + " give " + spec.model() + " without them");
        }
        if (spec.readout() != null) {
            spec.setup().labels().classesOf(task);
            return;
        }
        if (spec.layer() != null) {
            throw new TandemException("observer '" + spec + "': a layer is read in classification and two-afc trials only"
                    + " through a readout; add readout=logistic, readout=svm or readout=rbf-svm");
        }
        if (!spec.model().startsWith(FACEAPI) && !spec.model().startsWith(HUMAN_EMOTION)) {
            throw new TandemException("observer '" + spec + "': only faceapi:expression and human:emotion (or their"
                    + " untrained twins) have expression outputs; read other networks out with " + spec.model()
                    + (spec.model().contains("?") ? "&" : "?") + "readout=logistic");
        }
    }

    private static Observer readout(ObserverSpec spec, Task task, CropSource crops, DecisionRule rule,
                                    ReadoutTraining training, UnitSelector selector, PredictionCache cache) {
        // the task is checked against the labels before any image is drawn or network loaded
        spec.setup().labels().classesOf(task);
        TrainingImages images = training.imagesFor().apply(spec.setup(), task);
        FeatureNetwork net = CachedFeatureNetwork.of(FeatureNetworks.open(spec.model(), selector), cache);
        try {
            if (spec.units() != null) {
                int[] units = selector.select(net, new NetworkManipulation.Lesion(spec.units(), spec.layer(),
                        LesionFill.ZERO, READOUT_SEED)).units();
                net = new UnitPopulation(net.id() + "@" + spec.layer() + "[" + units.length + " units]", net,
                        spec.layer(), units);
            }
            return ReadoutObserver.train(spec.toString(), task, net, spec.layer(),
                    ReadoutOptions.of(spec.readout(), spec.setup(), READOUT_SEED), images, crops, rule,
                    training.progress());
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }
}
