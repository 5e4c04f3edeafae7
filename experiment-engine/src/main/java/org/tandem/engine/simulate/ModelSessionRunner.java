package org.tandem.engine.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.tandem.data.NewSession;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.session.SessionRunner;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.readout.ReadoutTraining;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.readout.TrainingProgress;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.observer.spec.Observers;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.PredictionCache;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * Runs one network session of a protocol and stores it exactly like a person's (observer kind {@code model}, the canonical
 * observer spec as observer id, the decision rule in the station facts so a resumed session decides the same way). Used
 * by {@code tandem simulate} and by the demo.
 */
public final class ModelSessionRunner {
    public static final String RULE = "decision_rule";
    public static final String TEMPERATURE = "temperature";
    public static final String NETWORKS_VARIANT = "networks";
    /** Station fact: the readout's training set and its {@link TrainingImages#fingerprint()}, checked on resume. */
    public static final String READOUT_TRAINING = "readout_training";

    private final TandemStore store;
    private final StimulusLibrary library;
    private final SyntheticFaceCrops builtInCrops;
    /** Resolves lesioned observers' units, reading the reference images once per runner. */
    private final ReferenceUnitSelector unitSelector = new ReferenceUnitSelector();

    /** @param builtInCrops the built-in face sets whose exact face boxes networks are given */
    public ModelSessionRunner(TandemStore store, StimulusLibrary library, SyntheticFaceCrops builtInCrops) {
        this.store = store;
        this.library = library;
        this.builtInCrops = builtInCrops;
    }

    /**
     * One session to run: which protocol, which observer, which seed and decision rule, and the plan they give; facts
     * are kept with the session's station facts (e.g. the sweep cell it belongs to).
     */
    public record Request(String study, BuiltinProtocols.Source source, Protocol protocol, String variant,
                          ObserverSpec observer, long seed, String rule, double temperature, TrialPlan plan,
                          Map<String, String> facts) {
        public Request {
            facts = Map.copyOf(facts);
        }

        /**
         * Plans the session once, here, so the caller can size its progress bar from the same plan that runs; a readout's
         * training folder is named by its absolute path in the stored observer id.
         */
        public static Request of(String study, BuiltinProtocols.Source source, Protocol protocol, String variant,
                                 ObserverSpec observer, long seed, String rule, double temperature) {
            return new Request(study, source, protocol, variant, ReadoutTrainingSets.withAbsoluteTrain(observer), seed,
                    rule, temperature, Planner.plan(protocol, variant, seed), Map.of());
        }

        /** The same request with one more station fact. */
        public Request withFact(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(facts);
            more.put(name, value);
            return new Request(study, source, protocol, variant, observer, seed, rule, temperature, plan, more);
        }

        /** The variant a network answers unless told otherwise: {@code networks} when the protocol declares it. */
        public static String defaultVariant(Protocol protocol, String given) {
            return given != null ? given
                    : protocol.variant(NETWORKS_VARIANT).isPresent() ? NETWORKS_VARIANT : null;
        }
    }

    /**
     * What a finished session was: its id, the observer that answered (by id) and how it decided, and how many of the
     * network's readings (one per image and layer read) were found in the database's prediction cache or computed.
     */
    public record Result(String sessionId, String observerId, String decision, int trials, long predictionsFound,
                         long predictionsComputed) {

        /** E.g. {@code predictions 126 computed} or {@code predictions 126 kept}, for a session's line. */
        public String predictions() {
            return ModelSessionRunner.predictions(predictionsFound, predictionsComputed);
        }
    }

    /** How many of a network's readings were found in the prediction cache and how many computed, in words. */
    public static String predictions(long found, long computed) {
        if (computed == 0 && found == 0) {
            return "predictions not kept";
        }
        return "predictions " + (computed == 0 ? found + " kept" : found == 0 ? computed + " computed"
                : found + " kept, " + computed + " computed");
    }

    /**
     * @param training told how far a readout observer's training images are (readouts only)
     * @param progress told after each committed trial
     */
    public Result run(Request request, TrainingProgress training, SessionProgress progress) {
        TrialPlan plan = request.plan();
        DecisionRule decision = DecisionRule.parse(request.rule(), request.temperature(), request.seed());
        try (NetworkCrops crops = NetworkCrops.declared(request.protocol(), library, builtInCrops)) {
            crops.checkCovers(plan);
            return run(request, plan, decision, crops, training, progress);
        }
    }

    private Result run(Request request, TrialPlan plan, DecisionRule decision, NetworkCrops crops,
                       TrainingProgress training, SessionProgress progress) {
        AtomicReference<TrainingImages> trainedOn = new AtomicReference<>();
        PredictionTally tally = new PredictionTally(store.predictionCache());
        try (Observer observer = open(request.observer(), request.protocol(), request.seed(), decision, crops,
                training, trainedOn, tally)) {
            Map<String, String> facts = stationFacts(request, decision, trainedOn.get());
            facts.putAll(crops.facts());
            NewSession session = new NewSession(request.study(), request.protocol().id(), request.source().json(),
                    Planner.protocolSha256(request.protocol()), ObserverKind.MODEL, observer.id(), null, request.seed(),
                    request.variant(), plan, facts);
            String id = new SessionRunner(store, library, progress).start(session, observer);
            return new Result(id, observer.id(), describe(observer, decision, request.protocol()), plan.size(),
                    tally.found(), tally.computed());
        }
    }

    /**
     * Continues a stored model session at its first trial without a record, with the observer, seed and decision rule
     * it was started with. A readout is trained again and must be trained on the same images as at the start (the
     * stored fingerprint; sessions stored before it was kept are not checked).
     */
    public Result resume(SessionSummary stored, Protocol protocol, TrainingProgress training, SessionProgress progress) {
        if (stored.observerKind() != ObserverKind.MODEL) {
            throw new TandemException("session " + stored.sessionId() + " is a human session; resume it at the testing"
                    + " station");
        }
        if (!stored.protocolSha256().equals(Planner.protocolSha256(protocol))) {
            throw new TandemException("session " + stored.sessionId() + " was run with protocol " + stored.protocolId()
                    + " as stored, not with this one; give the protocol it was started with");
        }
        DecisionRule decision = storedRule(stored.stationInfo(), stored.seed());
        AtomicReference<TrainingImages> trainedOn = new AtomicReference<>();
        PredictionTally tally = new PredictionTally(store.predictionCache());
        try (NetworkCrops crops = NetworkCrops.stored(protocol, stored.stationInfo(), library, builtInCrops);
             Observer observer = open(ObserverSpec.parse(stored.observerId()), protocol, stored.seed(), decision, crops,
                     training, trainedOn, tally)) {
            requireSameTraining(stored, trainedOn.get());
            new SessionRunner(store, library, progress).resume(stored.sessionId(), observer);
            return new Result(stored.sessionId(), observer.id(), describe(observer, decision, protocol),
                    stored.trialsPlanned(), tally.found(), tally.computed());
        }
    }

    /** @param trainedOn set to the readout's training images, when the observer is a readout */
    private Observer open(ObserverSpec spec, Protocol protocol, long seed, DecisionRule decision, NetworkCrops crops,
                          TrainingProgress training, AtomicReference<TrainingImages> trainedOn,
                          PredictionCache cache) {
        ReadoutTraining readoutTraining = new ReadoutTraining((setup, task) -> {
            TrainingImages images = ReadoutTrainingSets.images(setup, task, crops.facesOf(protocol));
            trainedOn.set(images);
            return images;
        }, training);
        return Observers.open(spec, protocol.task(), crops, seed, decision, readoutTraining, unitSelector, cache);
    }

    private static String trainingFact(TrainingImages images) {
        return images.name() + " " + images.images().size() + " images sha256:" + images.fingerprint();
    }

    private static void requireSameTraining(SessionSummary stored, TrainingImages images) {
        String then = stored.stationInfo().get(READOUT_TRAINING);
        if (then != null && images != null && !then.equals(trainingFact(images))) {
            throw new TandemException("session " + stored.sessionId() + " was answered by a readout trained on " + then
                    + ", but the training set now holds other images (" + trainingFact(images) + "); restore the set as"
                    + " it was to continue the session, or start a new one");
        }
    }

    /** How answers were chosen: the decision rule, or for ABX the observer spec (layer, distance and noise). */
    public static String describe(Observer observer, DecisionRule decision, Protocol protocol) {
        return protocol.task() instanceof Task.Abx ? observer.id() : decision.describe();
    }

    /** The decision rule a stored session was run with, read back from its station facts. */
    public static DecisionRule storedRule(Map<String, String> stationFacts, long seed) {
        String rule = stationFacts.getOrDefault(RULE, "argmax");
        double temperature = Double.parseDouble(stationFacts.getOrDefault(TEMPERATURE, "1"));
        return DecisionRule.parse(rule, temperature, seed);
    }

    private static Map<String, String> stationFacts(Request request, DecisionRule decision, TrainingImages trainedOn) {
        Map<String, String> station = new LinkedHashMap<>(request.facts());
        station.put(RULE, request.rule());
        if (decision instanceof DecisionRule.Sample sample) {
            station.put(TEMPERATURE, Double.toString(sample.temperature()));
        }
        if (trainedOn != null) {
            station.put(READOUT_TRAINING, trainingFact(trainedOn));
        }
        return station;
    }
}
