package org.tandem.observer.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * Any feature network answering ABX trials: X is taken to match whichever of A and B is nearer to it in one layer's feature
 * space. The decision variable is d(X, A) - d(X, B) plus, optionally, Gaussian decision noise of a given SD (seeded per
 * session and drawn per trial); below zero answers A, above zero B, and an exact tie is broken by a seeded coin. The stored
 * output holds {@code distance:A}, {@code distance:B} and the {@code noise} added.
 *
 * <p>Without noise the answer is always right when X is the very image A or B is, as in the built-in protocol; the noise
 * SD sets how far apart A and B must be, in that layer's units, to be told apart. A relative SD ({@link AbxNoise}) is
 * scaled by the distance between the 0 % and 100 % images of the trial's continuum (same set and identity), read once in
 * {@link #prepareBlock} from the stimulus images, so it does not depend on which trials a block still holds.
 */
public final class AbxDistanceObserver implements Observer {
    public static final String DISTANCE_A = "distance:A";
    public static final String DISTANCE_B = "distance:B";
    public static final String NOISE = "noise";

    /** Crops per forward pass: large enough to batch well, small enough for the largest layer maps. */
    private static final int BATCH = 32;

    private final String id;
    private final FeatureNetwork net;
    private final String layer;
    private final CropSource crops;
    private final Map<String, float[]> features = new HashMap<>();
    private final boolean ownsNet;
    private final FeatureDistance distance;
    private final AbxNoise noiseSd;
    private final Map<String, Double> endsDistance = new HashMap<>();
    private final DecisionNoise noise;
    private final String labelA;
    private final String labelB;

    /**
     * @param id        the observer spec stored with sessions
     * @param net       the network; closed with this observer when {@code ownsNet}
     * @param layer     the layer whose activations are the features
     * @param noiseSd   the Gaussian noise added to the distance difference
     * @param seed      the session seed the noise is drawn from
     * @throws TandemException if the network has no such layer or the task's labels do not name A and B
     */
    public AbxDistanceObserver(String id, Task.Abx task, FeatureNetwork net, boolean ownsNet, String layer,
                               FeatureDistance distance, AbxNoise noiseSd, long seed, CropSource crops) {
        if (!net.layers().contains(layer)) {
            throw new TandemException("network " + net.id() + " has no layer '" + layer + "'; its layers are "
                    + String.join(", ", net.layers()));
        }
        this.id = id;
        this.net = net;
        this.layer = layer;
        this.crops = crops;
        this.ownsNet = ownsNet;
        this.distance = distance;
        this.noiseSd = noiseSd;
        this.noise = new DecisionNoise(seed);
        this.labelA = labelMatching(task, "A");
        this.labelB = labelMatching(task, "B");
    }

    @Override
    public ObserverKind kind() {
        return ObserverKind.MODEL;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Reads the features of the block's new stimuli, in batches; each stimulus is read once per session. With relative
     * noise, also the distance between the ends of each continuum the block shows.
     */
    @Override
    public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
        BlockStimuli todo = BlockStimuli.unseen(blockTrials, features::containsKey);
        List<Raster> batch = todo.crops(images, crops);
        for (int start = 0; start < batch.size(); start += BATCH) {
            float[][] rows = net.activations(batch.subList(start, Math.min(batch.size(), start + BATCH)), layer).rows();
            for (int i = 0; i < rows.length; i++) {
                features.put(todo.stimuli().get(start + i).id(), rows[i]);
            }
        }
        if (noiseSd.relative()) {
            for (Trial trial : blockTrials) {
                for (ShownStimulus shown : trial.stimuli()) {
                    endsDistance.computeIfAbsent(continuumKey(trial, shown.stimulus()), key -> endsDistance(shown.stimulus(),
                            images));
                }
            }
        }
    }

    private double endsDistance(StimulusRef stimulus, StimulusImages images) {
        List<StimulusRef> ends = List.of(
                StimulusRef.morph(stimulus.set(), stimulus.identity(), stimulus.continuum(), "0"),
                StimulusRef.morph(stimulus.set(), stimulus.identity(), stimulus.continuum(), "100"));
        List<Raster> endCrops = ends.stream().map(ref -> crops.crop(ref, images.image(ref))).toList();
        LayerActivations out = net.activations(endCrops, layer);
        return distance.between(out.item(0), out.item(1));
    }

    private static String continuumKey(Trial trial, StimulusRef stimulus) {
        if (stimulus.continuum() == null) {
            throw new TandemException("trial " + trial.id() + " shows " + stimulus.id() + ", which lies on no continuum;"
                    + " relative decision noise (relnoise) needs continuum stimuli; give noise in distance units instead");
        }
        return stimulus.set() + "/" + stimulus.identity() + "/" + stimulus.continuum();
    }

    @Override
    public Response respond(Trial trial, List<Raster> images) {
        float[] a = feature(trial, images, "A");
        float[] b = feature(trial, images, "B");
        float[] x = feature(trial, images, "X");
        double toA = distance.between(x, a);
        double toB = distance.between(x, b);
        double sd = noiseSd.sdFor(noiseSd.relative() ? endsDistanceOf(trial) : 0);
        double added = sd == 0 ? 0 : sd * noise.gaussian(trial.index());
        double decision = toA - toB + added;
        boolean chooseA = decision < 0 || (decision == 0 && noise.coin(trial.index()));
        return Response.ofModel(chooseA ? labelA : labelB,
                new ModelOutput(List.of(DISTANCE_A, DISTANCE_B, NOISE), List.of(toA, toB, added)));
    }

    private double endsDistanceOf(Trial trial) {
        Double d = endsDistance.get(continuumKey(trial, trial.stimuli().get(0).stimulus()));
        if (d == null) {
            throw new IllegalStateException("prepareBlock was not called before trial " + trial.id());
        }
        return d;
    }

    private float[] feature(Trial trial, List<Raster> images, String role) {
        List<ShownStimulus> stimuli = trial.stimuli();
        for (int i = 0; i < stimuli.size(); i++) {
            if (stimuli.get(i).role().equals(role)) {
                StimulusRef ref = stimuli.get(i).stimulus();
                Raster shown = images.get(i);
                return features.computeIfAbsent(ref.id(),
                        key -> net.activations(List.of(crops.crop(ref, shown)), layer).item(0));
            }
        }
        throw new TandemException("trial " + trial.id() + " shows no stimulus in role " + role
                + "; an ABX observer needs A, B and X");
    }

    private static String labelMatching(Task.Abx task, String role) {
        return task.labels().stream().filter(l -> role.equals(l.matches())).map(Task.ResponseOption::label).findFirst()
                .orElseThrow(() -> new TandemException("no label of the ABX task says X matches " + role
                        + "; give one label \"matches\": \"" + role + "\""));
    }

    @Override
    public void close() {
        if (ownsNet) {
            net.close();
        }
    }
}
