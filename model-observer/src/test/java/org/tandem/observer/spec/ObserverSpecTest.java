package org.tandem.observer.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.decision.AbxDistanceObserver;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.ExpressionNetworkObserver;
import org.tandem.observer.decision.FeatureDistance;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.CrossValidation;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;

class ObserverSpecTest {
    private static final Task ABX = BuiltinProtocols.resolve("expression-abx").read().task();
    private static final Task SIX_WAY = BuiltinProtocols.resolve("expression-6way").read().task();
    private static final Task TWO_AFC = BuiltinProtocols.resolve("expression-2afc-happy-sad").read().task();

    @Test
    void parsesNetworkAndObserverOptionsAndReadsItsCanonicalFormBack() {
        assertThat(ObserverSpec.parse("faceapi:expression"))
                .isEqualTo(new ObserverSpec("faceapi:expression", null, null, FeatureDistance.EUCLIDEAN, 0, false));
        assertThat(ObserverSpec.parse("faceapi:recognition?layer=descriptor&distance=cosine&noise=0.10"))
                .isEqualTo(new ObserverSpec("faceapi:recognition", "descriptor", null, FeatureDistance.COSINE, 0.1, false))
                .hasToString("faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1");
        assertThat(ObserverSpec.parse("faceapi:expression:untrained?layer=dense3&seed=3"))
                .isEqualTo(new ObserverSpec("faceapi:expression:untrained?seed=3", "dense3", null, FeatureDistance.EUCLIDEAN, 0, false))
                .hasToString("faceapi:expression:untrained?seed=3&layer=dense3");
        assertThat(ObserverSpec.parse("faceapi:landmarks:untrained")).hasToString("faceapi:landmarks:untrained?seed=1");
        assertThat(ObserverSpec.parse("faceapi:agegender?noise=2&distance=euclidean")).hasToString("faceapi:agegender?noise=2");
        assertThat(ObserverSpec.parse("zoo:resnet18?size=64&noise=0.5&seed=4"))
                .hasToString("zoo:resnet18?seed=4&size=64&noise=0.5");
        assertThat(ObserverSpec.parse("card:models/mynet.json?layer=embedding"))
                .isEqualTo(new ObserverSpec("card:models/mynet.json", "embedding", null, FeatureDistance.EUCLIDEAN, 0, false));
        for (String canonical : List.of("faceapi:expression", "faceapi:expression:untrained?seed=3&layer=dense3",
                "faceapi:recognition?layer=pooled&distance=cosine&noise=0.025", "faceapi:agegender:untrained?seed=9&noise=1",
                "faceapi:recognition?readout=logistic", "faceapi:expression:untrained?seed=2&layer=features&readout=svm",
                "faceapi:recognition?distance=cosine&relnoise=0.2")) {
            assertThat(ObserverSpec.parse(canonical)).hasToString(canonical);
            assertThat(ObserverSpec.parse(ObserverSpec.parse(canonical).toString())).isEqualTo(ObserverSpec.parse(canonical));
        }
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertInvalid("faceapi:recognition?colour=red", "the option 'colour' is not known; the options are cv, distance,"
                + " fill, labels, layer, lesion, noise, readout, relnoise, seed, shuffle, train");
        assertInvalid("faceapi:recognition?noise=0.1&relnoise=0.2", "give the decision noise once");
        assertInvalid("faceapi:recognition?noise=0.1&noise=0.2", "the option 'noise' is given twice");
        assertInvalid("faceapi:recognition?noise=-1", "noise '-1' is not a number of 0 or more");
        assertInvalid("faceapi:recognition?noise=loud", "noise 'loud' is not a number of 0 or more");
        assertInvalid("faceapi:recognition?layer", "'layer' is not of the form name=value");
        assertInvalid("faceapi:expression?readout=lda", "readout 'lda' is not known; use logistic, logistic-ovr, svm, rbf-svm");
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=svm").readout()).isEqualTo(ClassifierKind.SVM);
        assertThatThrownBy(() -> ObserverSpec.parse("faceapi:recognition?distance=manhattan"))
                .isInstanceOf(TandemException.class).hasMessage("distance 'manhattan' is not known; use euclidean or cosine");
        assertThatThrownBy(() -> ObserverSpec.parse("faceapi:expression?seed=3"))
                .isInstanceOf(TandemException.class).hasMessageContaining("applies to untrained networks only");
        assertThatThrownBy(() -> ObserverSpec.parse("vgg:face"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("has no known prefix; it must start with faceapi:, card:, zoo:");
    }

    @Test
    void readoutTrainingOptionsParseAndOldSpecsKeepTheirCanonicalForm() {
        ObserverSpec spec = ObserverSpec.parse("faceapi:recognition?cv=image&labels=identity&readout=rbf-svm&train=varied-faces");
        assertThat(spec.readout()).isEqualTo(ClassifierKind.RBF_SVM);
        assertThat(spec.setup()).isEqualTo(new ReadoutSetup("varied-faces", ReadoutLabels.IDENTITY,
                new CrossValidation(CrossValidation.Grouping.IMAGE, 0)));
        // cv=image is the identity readout's default, so the canonical form leaves it out
        assertThat(spec).hasToString("faceapi:recognition?readout=rbf-svm&train=varied-faces&labels=identity");
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=logistic&labels=identity&cv=5").setup().cv())
                .isEqualTo(new CrossValidation(CrossValidation.Grouping.IMAGE, 5));
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=svm&cv=4").setup().cv())
                .isEqualTo(new CrossValidation(CrossValidation.Grouping.IDENTITY, 4));
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=svm&cv=identity&labels=expression"))
                .isEqualTo(ObserverSpec.parse("faceapi:recognition?readout=svm"))
                .hasToString("faceapi:recognition?readout=svm");
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=svm").setup()).isEqualTo(ReadoutSetup.DEFAULT);
        for (String canonical : List.of("faceapi:recognition?readout=logistic&train=synthetic-faces",
                "faceapi:recognition?readout=svm&train=/data/set 2/manifest.csv&cv=image",
                "faceapi:recognition?readout=logistic&labels=identity&cv=4",
                "faceapi:expression:untrained?seed=2&layer=dense1&readout=rbf-svm&cv=3",
                "zoo:vgg16?seed=1&size=64&readout=svm&train=faces")) {
            assertThat(ObserverSpec.parse(canonical)).hasToString(canonical);
        }
        assertThat(ObserverSpec.parse("faceapi:recognition?readout=logistic").withTrain("/data/faces"))
                .hasToString("faceapi:recognition?readout=logistic&train=/data/faces");
    }

    @Test
    void badReadoutTrainingOptionsSayWhatIsWrong() {
        assertInvalid("faceapi:recognition?train=varied-faces", "train is an option of readouts; add readout=logistic,"
                + " readout=svm or readout=rbf-svm, or leave it out");
        assertInvalid("faceapi:recognition?labels=identity&cv=image", "labels, cv are options of readouts");
        assertInvalid("faceapi:recognition?readout=svm&labels=person", "labels 'person' is not known; use expression or"
                + " identity");
        assertInvalid("faceapi:recognition?readout=svm&cv=1", "cv '1' is not known; use identity, image or a number of"
                + " folds of 2 or more");
        assertInvalid("faceapi:recognition?readout=svm&cv=people", "cv 'people' is not known");
        assertInvalid("faceapi:recognition?readout=svm&labels=identity&cv=identity", "cv=identity cannot score an"
                + " identity readout: each identity is one of its classes, so a held-out identity was never learnt; use"
                + " cv=image (folds of images) or cv=K (K folds of images)");
        assertInvalid("faceapi:recognition?readout=svm&train=a&train=b", "the option 'train' is given twice");
    }

    @Test
    void opensTheObserverTheTaskNeeds() {
        try (Observer abx = Observers.open(ObserverSpec.parse("faceapi:expression:untrained?seed=2&layer=dense3&noise=0.5"),
                ABX, CropSource.WHOLE_IMAGE, 4, new DecisionRule.Argmax());
             Observer zoo = Observers.open(ObserverSpec.parse("zoo:resnet18?size=64&distance=cosine"), ABX,
                     CropSource.WHOLE_IMAGE, 4, new DecisionRule.Argmax());
             Observer sixWay = Observers.open(ObserverSpec.parse("faceapi:expression:untrained?seed=2"), SIX_WAY,
                     CropSource.WHOLE_IMAGE, 4, new DecisionRule.Argmax())) {
            assertThat(abx).isInstanceOf(AbxDistanceObserver.class);
            assertThat(abx.id()).isEqualTo("faceapi:expression:untrained?seed=2&layer=dense3&noise=0.5");
            assertThat(zoo.id()).isEqualTo("zoo:resnet18?seed=1&size=64&distance=cosine");
            assertThat(sixWay).isInstanceOf(ExpressionNetworkObserver.class);
            assertThat(sixWay.id()).isEqualTo("faceapi:expression:untrained?seed=2");
        }
        assertOpenFails("faceapi:expression:untrained?noise=1", SIX_WAY, new DecisionRule.Argmax(),
                "are options of ABX observers");
        assertOpenFails("faceapi:recognition:untrained", SIX_WAY, new DecisionRule.Argmax(),
                "does not classify expressions");
        assertOpenFails("zoo:resnet18?size=64", SIX_WAY, new DecisionRule.Argmax(),
                "zoo:resnet18?seed=1&size=64&readout=logistic");
        assertOpenFails("faceapi:recognition?layer=pooled", SIX_WAY, new DecisionRule.Argmax(),
                "add readout=logistic, readout=svm or readout=rbf-svm");
        assertOpenFails("faceapi:recognition?readout=logistic", ABX, new DecisionRule.Argmax(), "so leave readout out");
        assertOpenFails("faceapi:recognition?readout=logistic&labels=identity", TWO_AFC, new DecisionRule.Argmax(),
                "an identity readout (labels=identity) answers classification tasks whose labels name identities; the"
                        + " labels of a two-afc task are the continuum's expressions, so use labels=expression");
        assertOpenFails("faceapi:recognition?readout=logistic", SIX_WAY, new DecisionRule.Argmax(),
                "readout observers need a training set");
        assertOpenFails("faceapi:recognition:untrained", ABX, new DecisionRule.Sample(1, 4),
                "faceapi:recognition:untrained?seed=1&noise=0.1");
        assertOpenFails("faceapi:agegender:untrained?layer=dense3", ABX, new DecisionRule.Argmax(),
                "network faceapi:agegender:untrained?seed=1 has no layer 'dense3'; its layers are conv_in,");
    }

    private static void assertOpenFails(String spec, Task task, DecisionRule rule, String message) {
        assertThatThrownBy(() -> Observers.open(ObserverSpec.parse(spec), task, CropSource.WHOLE_IMAGE, 4, rule))
                .isInstanceOf(TandemException.class).hasMessageContaining(message);
    }

    private static void assertInvalid(String spec, String why) {
        assertThatThrownBy(() -> ObserverSpec.parse(spec))
                .isInstanceOf(TandemException.class)
                .hasMessageStartingWith("observer spec '" + spec + "' is not valid: " + why)
                .hasMessageEndingWith("faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1");
    }
}
