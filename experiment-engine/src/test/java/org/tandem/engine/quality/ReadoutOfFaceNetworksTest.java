package org.tandem.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.engine.simulate.ReadoutTrainingFaces;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.ReadoutObserver;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * Networks without expression labels read out for expression (real weights, the built-in protocols' varied faces): a linear readout of
 * face-api's identity descriptor, trained on the 24 readout-training identities and cross-validated by identity, names the
 * six expressions far above chance (1/6), and answers the built-in six-way protocol's held-out identities as well; the
 * untrained expression twin's logits carry less, but still above chance.
 */
class ReadoutOfFaceNetworksTest {
    /** The set the built-in protocols show, so training and trial faces are drawn and cropped alike. */
    private static final FaceSet FACES = BuiltInFaceSets.defaults(BuiltInFaceSets.DEFAULT);
    private static final Protocol SIX_WAY = BuiltinProtocols.resolve("expression-6way").read();
    private static final TrainingImages TRAINING = ReadoutTrainingFaces.forTask(FACES, SIX_WAY.task());

    @Test
    void theIdentityDescriptorReadsOutTheSixExpressions() {
        for (ClassifierKind kind : ClassifierKind.values()) {
            double[] figures = readOut("faceapi:recognition", "descriptor", kind);
            assertThat(figures[0]).as("%s CV accuracy", kind).isGreaterThan(0.6);
            assertThat(figures[1]).as("%s accuracy on the protocol's identities", kind).isGreaterThan(0.6);
        }
    }

    @Test
    void theUntrainedExpressionTwinsLogitsCarryLessButAboveChance() {
        double[] figures = readOut("faceapi:expression:untrained", "logits", ClassifierKind.LOGISTIC);
        // on the varied faces near chance (1/6), as the papers' untrained controls are: 0.236 with seed 1
        assertThat(figures[0]).as("CV accuracy").isGreaterThan(1.0 / 6).isLessThan(0.5);
    }

    @Test
    void theHappySadReadoutOfTheDescriptorRisesAlongTheAverageFacesMorph() {
        Protocol protocol = BuiltinProtocols.resolve("expression-2afc-happy-sad").read();
        TrialPlan plan = Planner.plan(protocol, "networks", 1);
        StimulusLibrary library = StimulusLibrary.builtIn();
        double[] pHappy = new double[21];
        try (ReadoutObserver observer = ReadoutObserver.train(protocol.task(),
                FeatureNetworks.open("faceapi:recognition"), null,
                ReadoutOptions.of(ClassifierKind.LOGISTIC, 1), ReadoutTrainingFaces.forTask(FACES, protocol.task()),
                new SyntheticFaceCrops(FACES), new DecisionRule.Argmax())) {
            assertThat(observer.fit().cvAccuracy()).isGreaterThan(0.9);
            for (Trial trial : plan.trials()) {
                var output = observer.respond(trial, List.of(library.image(trial.stimuli().get(0).stimulus()))).output();
                pHappy[(int) trial.numericLevel("happiness") / 5] = output.values().get(output.labels().indexOf("task:happy"));
            }
            System.out.printf("readout %s happy/sad: CV accuracy %.3f at C=%s; P(happy) along sad-happy %s%n", observer.id(),
                    observer.fit().cvAccuracy(), observer.fit().c(), Arrays.toString(Arrays.stream(pHappy)
                            .map(p -> Math.round(p * 1000) / 1000.0).toArray()));
        }
        assertThat(pHappy[0]).isLessThan(0.2);
        assertThat(pHappy[20]).isGreaterThan(0.8);
        double previous = 0;
        for (int i = 0; i < pHappy.length; i++) {
            assertThat(pHappy[i]).as("P(happy) at %d %%", 5 * i).isGreaterThanOrEqualTo(previous - 0.05);
            previous = Math.max(previous, pHappy[i]);
        }
    }

    /** @return CV accuracy on the training identities, and accuracy on the six-way protocol's main trials */
    private static double[] readOut(String spec, String layer, ClassifierKind kind) {
        TrialPlan plan = Planner.plan(SIX_WAY, 1);
        StimulusLibrary library = StimulusLibrary.builtIn();
        try (ReadoutObserver observer = ReadoutObserver.train(SIX_WAY.task(), FeatureNetworks.open(spec), layer,
                ReadoutOptions.of(kind, 1), TRAINING, new SyntheticFaceCrops(FACES), new DecisionRule.Argmax())) {
            List<Trial> main = plan.trials().stream().filter(t -> !t.practice()).toList();
            observer.prepareBlock(main, library);
            int correct = 0;
            for (Trial trial : main) {
                if (observer.respond(trial, List.of(library.image(trial.stimuli().get(0).stimulus()))).answer()
                        .equals(trial.correctAnswer())) {
                    correct++;
                }
            }
            double heldOut = (double) correct / main.size();
            System.out.printf("readout %s %s: CV accuracy %.3f (folds %s, C=%s, grid %s), protocol identities %.3f%n",
                    observer.id(), TRAINING.name(), observer.fit().cvAccuracy(),
                    Arrays.toString(observer.fit().foldAccuracy()), observer.fit().c(),
                    Arrays.toString(observer.fit().gridAccuracy()), heldOut);
            return new double[] {observer.fit().cvAccuracy(), heldOut};
        }
    }
}
