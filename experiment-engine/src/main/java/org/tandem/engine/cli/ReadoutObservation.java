package org.tandem.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.SingleImageTaskObserver;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ReadoutObserver;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.observer.spec.Observers;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * What {@code observe} prints for a readout spec ({@code NETWORK?readout=...}): the readout is trained on every class of
 * its training set (all expressions, or all identities with {@code labels=identity}) with the same cross-validation as in
 * {@code simulate}, its record is printed once, and each image gets the class it reads out with the probabilities.
 */
final class ReadoutObservation {
    /** The set name of the images given to observe, which no training set uses. */
    private static final String IMAGES = "observed-images";

    private final ObserverSpec spec;
    private final Map<String, Object> record = new LinkedHashMap<>();
    private final List<Map<String, Object>> results = new ArrayList<>();

    private ReadoutObservation(ObserverSpec spec) {
        this.spec = spec;
    }

    static boolean handles(String model) {
        return model.contains(ObserverSpec.READOUT + "=");
    }

    static ReadoutObservation run(String model, String layer, List<Raster> images) {
        ObserverSpec spec = ReadoutTrainingSets.withAbsoluteTrain(ObserverSpec.parse(model));
        if (layer != null) {
            spec = ObserverSpec.parse(spec + "&" + ObserverSpec.LAYER + "=" + layer);
        }
        if (spec.readout() == null) {
            throw new TandemException("observer spec '" + model + "' names no readout; give"
                    + " readout=logistic, readout=svm or readout=rbf-svm");
        }
        ReadoutObservation observation = new ReadoutObservation(spec);
        TrainingImages training = ReadoutTrainingSets.allImages(spec.setup());
        Task task = everyClassOf(training, spec);
        try (ReadoutTrainingBar bar = new ReadoutTrainingBar();
             ReadoutObserver readout = train(spec, task, training, bar)) {
            observation.record.put("trainedOn", training.name());
            observation.record.put("images", training.images().size());
            observation.record.put("classes", task.labels().size());
            observation.record.put("cvAccuracy", readout.fit().cvAccuracy());
            observation.record.put("chance", 1.0 / task.labels().size());
            observation.record.put("folds", readout.fit().folds());
            observation.record.put("c", readout.fit().c());
            if (readout.fit().chosen().hasGamma()) {
                observation.record.put("gamma", readout.fit().chosen().gamma());
            }
            for (int i = 0; i < images.size(); i++) {
                StimulusRef ref = StimulusRef.prototype(IMAGES, Integer.toString(i + 1), "unlabelled");
                Trial trial = new Trial(i, ref.id(), "observe", false, false, false, Map.of(),
                        List.of(new ShownStimulus("S", ref)), null);
                observation.results.add(result(readout.respond(trial, List.of(images.get(i)))));
            }
        }
        return observation;
    }

    /** Trains the readout, which owns the network from then on. */
    private static ReadoutObserver train(ObserverSpec spec, Task task, TrainingImages training, ReadoutTrainingBar bar) {
        FeatureNetwork network = FeatureNetworks.open(spec.model(), new ReferenceUnitSelector());
        try {
            return ReadoutObserver.train(spec.toString(), task, network, spec.layer(),
                    ReadoutOptions.of(spec.readout(), spec.setup(), Observers.READOUT_SEED), training,
                    CropSource.WHOLE_IMAGE, new DecisionRule.Argmax(), bar);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** A classification task with one label per class of the training set, in sorted order. */
    private static Task everyClassOf(TrainingImages training, ObserverSpec spec) {
        List<Task.ResponseOption> labels = training.images().stream().map(spec.setup().labels()::classOf)
                .filter(Objects::nonNull).distinct().sorted()
                .map(c -> new Task.ResponseOption(c, null, c, null, null)).toList();
        return new Task.Classification(IMAGES, spec.setup().labels().label(), labels, "click");
    }

    private static Map<String, Object> result(Response response) {
        ModelOutput output = response.output();
        Map<String, Object> probabilities = new LinkedHashMap<>();
        Map<String, Object> decisionValues = new LinkedHashMap<>();
        for (int i = 0; i < output.labels().size(); i++) {
            String name = output.labels().get(i);
            if (name.startsWith(ReadoutObserver.READOUT_PREFIX)) {
                decisionValues.put(name.substring(ReadoutObserver.READOUT_PREFIX.length()), output.values().get(i));
            } else if (name.startsWith(SingleImageTaskObserver.TASK_PREFIX)) {
                probabilities.put(name.substring(SingleImageTaskObserver.TASK_PREFIX.length()), output.values().get(i));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("top", response.answer());
        r.put("probabilities", probabilities);
        r.put("decisionValues", decisionValues);
        return r;
    }

    String name() {
        return spec.toString();
    }

    /** The readout's training record: set, counts, CV accuracy with chance, folds, chosen C (and γ). */
    Map<String, Object> record() {
        return record;
    }

    List<Map<String, Object>> results() {
        return results;
    }
}
