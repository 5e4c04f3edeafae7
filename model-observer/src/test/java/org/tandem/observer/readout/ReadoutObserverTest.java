package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** The readout observer on the built-in protocols, with colour-coded stand-in faces whose answers are known. */
class ReadoutObserverTest {
    private static final String SET = "varied-faces";
    private static final List<String> TRAINING_IDENTITIES = List.of("101", "102", "103", "104", "105", "106", "107", "108");

    private static ReadoutObserver observer(Protocol protocol, ColourCodedFaces.MeanColourNetwork network, String layer,
                                            ClassifierKind kind) {
        return observer(protocol, network, layer, kind, ColourCodedFaces.training(SET, TRAINING_IDENTITIES, ColourCodedFaces.SIX));
    }

    private static ReadoutObserver observer(Protocol protocol, ColourCodedFaces.MeanColourNetwork network, String layer,
                                            ClassifierKind kind, TrainingImages training) {
        return ReadoutObserver.train(protocol.task(), network, layer, ReadoutOptions.of(kind, 5), training,
                ColourCodedFaces.CROPS, new DecisionRule.Argmax());
    }

    @Test
    void sixWayClassificationIsAnsweredFromTheReadoutWithItsCrossValidatedAccuracyStored() {
        Protocol protocol = BuiltinProtocols.resolve("expression-6way").read();
        TrialPlan plan = Planner.plan(protocol, 3);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            ColourCodedFaces.MeanColourNetwork network = new ColourCodedFaces.MeanColourNetwork();
            try (ReadoutObserver observer = observer(protocol, network, null, kind)) {
                assertThat(observer.id()).isEqualTo("mean-colour@mean-rgb+" + kind.label());
                assertThat(observer.fit().foldAccuracy()).as("leave-one-identity-out").hasSize(8);
                assertThat(observer.fit().cvAccuracy()).isEqualTo(1.0);
                observer.prepareBlock(plan.trials(), ColourCodedFaces::crop);
                for (Trial trial : plan.trials()) {
                    StimulusRef ref = trial.stimuli().get(0).stimulus();
                    Response response = observer.respond(trial, List.of(ColourCodedFaces.crop(ref)));
                    assertThat(response.answer()).as(trial.id()).isEqualTo(trial.correctAnswer());
                    ModelOutput out = response.output();
                    assertThat(out.labels()).containsExactly("readout:anger", "readout:disgust", "readout:fear",
                            "readout:happiness", "readout:sadness", "readout:surprise", "task:anger", "task:disgust",
                            "task:fear", "task:happiness", "task:sadness", "task:surprise", "readout-cv-accuracy",
                            "readout-c");
                    assertThat(out.values().subList(6, 12).stream().mapToDouble(Double::doubleValue).sum())
                            .isCloseTo(1, within(1e-12));
                    assertThat(out.values().get(12)).isEqualTo(1.0);
                    assertThat(out.values().get(13)).isEqualTo(observer.fit().c());
                }
            }
            assertThat(network.closed).isTrue();
        }
    }

    @Test
    void twoAfcTrainsOnTheContinuumEndsAndPHappyRisesAlongTheMorph() {
        Protocol protocol = BuiltinProtocols.resolve("expression-2afc-happy-sad").read();
        TrialPlan plan = Planner.plan(protocol, "networks", 3);
        List<String> done = new ArrayList<>();
        try (ReadoutObserver observer = ReadoutObserver.train(null, protocol.task(), new ColourCodedFaces.MeanColourNetwork(),
                "red", ReadoutOptions.of(ClassifierKind.LOGISTIC, 5),
                ColourCodedFaces.training(SET, TRAINING_IDENTITIES, ColourCodedFaces.SIX), ColourCodedFaces.CROPS,
                new DecisionRule.Argmax(), (images, total) -> done.add(images + "/" + total))) {
            // 8 identities × happy and sad, in one batch
            assertThat(done).containsExactly("16/16");
            assertThat(observer.fit().model().classes()).isEqualTo(2);
            double[] pHappy = new double[101];
            for (Trial trial : plan.trials()) {
                StimulusRef ref = trial.stimuli().get(0).stimulus();
                ModelOutput out = observer.respond(trial, List.of(ColourCodedFaces.crop(ref))).output();
                assertThat(out.labels().get(2)).isEqualTo("task:happy");
                pHappy[Integer.parseInt(ref.level())] = out.values().get(2);
            }
            for (int level = 5; level <= 100; level += 5) {
                assertThat(pHappy[level]).as("P(happy) at %d %%", level).isGreaterThan(pHappy[level - 5]);
            }
            assertThat(pHappy[0]).isLessThan(0.1);
            assertThat(pHappy[100]).isGreaterThan(0.9);
        }
    }

    @Test
    void trialsShowingATrainingIdentityAreRefused() {
        Protocol protocol = BuiltinProtocols.resolve("expression-6way").read();
        TrialPlan plan = Planner.plan(protocol, 3);
        try (ReadoutObserver observer = observer(protocol, new ColourCodedFaces.MeanColourNetwork(), null, ClassifierKind.SVM,
                ColourCodedFaces.training(SET, List.of("01", "30", "31"), ColourCodedFaces.SIX))) {
            assertThatThrownBy(() -> observer.prepareBlock(plan.trials(), ColourCodedFaces::crop))
                    .isInstanceOf(TandemException.class)
                    .hasMessageEndingWith("shows identity 'varied-faces/01', which the readout mean-colour@mean-rgb+svm"
                            + " was trained on; test it on other identities");
        }
    }

    @Test
    void missingExpressionsUnknownLayersAndAbxAreOneLine() {
        Protocol sixWay = BuiltinProtocols.resolve("expression-6way").read();
        assertThatThrownBy(() -> observer(sixWay, new ColourCodedFaces.MeanColourNetwork(), null, ClassifierKind.LOGISTIC,
                ColourCodedFaces.training(SET, TRAINING_IDENTITIES, List.of("happy", "sad"))))
                .isInstanceOf(TandemException.class)
                .hasMessage("readout training set 'colour-coded' has no images of expression 'angry', 'disgusted', 'fearful',"
                        + " 'surprised', which the task's labels stand for; it holds happy, sad");
        assertThatThrownBy(() -> observer(sixWay, new ColourCodedFaces.MeanColourNetwork(), "fc7", ClassifierKind.SVM))
                .isInstanceOf(TandemException.class).hasMessageContaining("no layer 'fc7'");
        assertThatThrownBy(() -> observer(BuiltinProtocols.resolve("expression-abx").read(),
                new ColourCodedFaces.MeanColourNetwork(), null, ClassifierKind.SVM))
                .isInstanceOf(TandemException.class).hasMessageContaining("ABX");
    }
}
