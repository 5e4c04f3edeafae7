package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * Identity readouts with colour-coded stand-in faces (each identity has its own blue level): a classification task whose
 * labels name identities is answered from the identity the readout predicts, scored by folds of images.
 */
class IdentityReadoutTest {
    private static final String SET = "colour-set";
    private static final List<String> IDENTITIES = List.of("101", "102", "103", "104");
    private static final Task WHO = new Task.Classification(SET, "identity", IDENTITIES.stream()
            .map(id -> new Task.ResponseOption("person " + id, null, id, null, null)).toList(), "click");

    private static ReadoutObserver identityReadout(ClassifierKind kind, CrossValidation cv, List<String> expressions) {
        return ReadoutObserver.train(WHO, new ColourCodedFaces.MeanColourNetwork(), null,
                new ReadoutOptions(kind, ReadoutOptions.DEFAULT_GRID, ReadoutLabels.IDENTITY, cv, 2),
                ColourCodedFaces.training(SET, IDENTITIES, expressions), ColourCodedFaces.CROPS, new DecisionRule.Argmax());
    }

    @Test
    void answersWhoAnImageShowsOnImagesItWasNotTrainedOn() {
        List<String> five = ColourCodedFaces.SIX.subList(0, 5);
        // identity sits in one feature (blue) here, against expression's larger spread in red and green: logistic
        // regression weighs blue alone, while a one-vs-rest linear SVM cannot single out the middle identities and a
        // Gaussian kernel sees images of one expression as near (the SVMs are tested on real features in the engine)
        for (ClassifierKind kind : List.of(ClassifierKind.LOGISTIC)) {
            try (ReadoutObserver observer = identityReadout(kind, CrossValidation.defaultFor(ReadoutLabels.IDENTITY), five)) {
                assertThat(observer.fit().folds()).as(kind.label()).isEqualTo("6 folds by image");
                assertThat(observer.fit().foldAccuracy()).hasSize(6);
                // chance is 0.25
                assertThat(observer.fit().cvAccuracy()).as(kind.label()).isGreaterThan(0.75);
                for (String identity : IDENTITIES) {
                    StimulusRef unseen = StimulusRef.prototype(SET, identity, "surprised");
                    Response response = observer.respond(trial(unseen), List.of(ColourCodedFaces.crop(unseen)));
                    assertThat(response.answer()).as(kind.label() + " " + identity).isEqualTo("person " + identity);
                    assertThat(response.output().labels()).contains("readout:person " + identity);
                }
                StimulusRef trained = StimulusRef.prototype(SET, "101", "happy");
                assertThatThrownBy(() -> observer.respond(trial(trained), List.of(ColourCodedFaces.crop(trained))))
                        .isInstanceOf(TandemException.class)
                        .hasMessageEndingWith("is one of the images the readout mean-colour@mean-rgb+" + kind.label()
                                + " was trained on; test it on other images of those identities");
            }
        }
    }

    @Test
    void foldsOfImagesCanBeCountedAndTheRbfSvmStoresItsKernelWidth() {
        try (ReadoutObserver observer = identityReadout(ClassifierKind.RBF_SVM,
                new CrossValidation(CrossValidation.Grouping.IMAGE, 3), ColourCodedFaces.SIX.subList(0, 5))) {
            assertThat(observer.fit().folds()).isEqualTo("3 folds by image");
            StimulusRef unseen = StimulusRef.prototype(SET, "103", "surprised");
            Response response = observer.respond(trial(unseen), List.of(ColourCodedFaces.crop(unseen)));
            assertThat(response.output().labels()).endsWith("readout-cv-accuracy", "readout-c", "readout-gamma");
            assertThat(response.output().values().get(response.output().values().size() - 1))
                    .isEqualTo(observer.fit().chosen().gamma());
        }
    }

    @Test
    void labelsNamingIdentitiesTheTrainingSetLacksAreNamed() {
        Task more = new Task.Classification(SET, "identity", List.of(
                new Task.ResponseOption("101", null, null, null, null),
                new Task.ResponseOption("Ann", null, "201", null, null),
                new Task.ResponseOption("Bob", null, "202", null, null)), "click");
        assertThatThrownBy(() -> ReadoutObserver.train(more, new ColourCodedFaces.MeanColourNetwork(), null,
                ReadoutOptions.of(ClassifierKind.LOGISTIC, new ReadoutSetup(null, ReadoutLabels.IDENTITY, null), 1),
                ColourCodedFaces.training(SET, IDENTITIES, ColourCodedFaces.SIX), ColourCodedFaces.CROPS,
                new DecisionRule.Argmax()))
                .isInstanceOf(TandemException.class)
                .hasMessage("readout training set 'colour-coded' has no images of identity '201', '202', which the task's"
                        + " labels stand for; it holds 101, 102, 103, 104; train on a set showing the task's identities");
    }

    private static Trial trial(StimulusRef ref) {
        return new Trial(0, "main:" + ref.id(), "main", false, false, false, Map.of(), List.of(new ShownStimulus("S", ref)),
                null);
    }
}
