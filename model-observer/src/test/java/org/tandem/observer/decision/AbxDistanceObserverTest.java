package org.tandem.observer.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/** ABX by feature distance with face-api's recognition network on its three demo faces. */
class AbxDistanceObserverTest {
    private static final Task.Abx TASK = (Task.Abx) BuiltinProtocols.resolve("expression-abx").read().task();
    private static final List<StimulusRef> FACES = List.of(face(0), face(1), face(2));
    private static final StimulusImages IMAGES =
            ref -> FaceApiReference.crop(Integer.parseInt(ref.identity()), "recognition");
    private static FeatureNetwork recognition;

    @BeforeAll
    static void open() {
        recognition = FeatureNetworks.open("faceapi:recognition");
    }

    @AfterAll
    static void close() {
        recognition.close();
    }

    @Test
    void withoutNoiseXMatchesTheIdenticalImageAndTheDistancesAreStored() {
        CountingNetwork counting = new CountingNetwork(recognition);
        try (AbxDistanceObserver observer = observer(counting, "descriptor", FeatureDistance.EUCLIDEAN, 0, 1)) {
            List<Trial> trials = List.of(trial(0, 0, 1, 0), trial(1, 0, 1, 1), trial(2, 2, 1, 2), trial(3, 1, 2, 1));
            observer.prepareBlock(trials, IMAGES);
            assertThat(counting.batches).containsExactly(3);
            List<String> answers = new ArrayList<>();
            for (Trial t : trials) {
                Response r = observer.respond(t, images(t));
                answers.add(r.answer());
                assertThat(r.output().labels()).containsExactly("distance:A", "distance:B", "noise");
                List<Double> v = r.output().values();
                assertThat(Math.min(v.get(0), v.get(1))).isZero();
                assertThat(Math.max(v.get(0), v.get(1))).isGreaterThan(0.1);   // face-api's distances between people
                assertThat(v.get(2)).isZero();
            }
            assertThat(answers).containsExactly("A", "B", "A", "A");
            assertThat(counting.batches).as("every feature came from the prepared block").containsExactly(3);
        }
    }

    @Test
    void noiseIsSeededPerSessionAndTrial() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            trials.add(trial(i, 0, 1, i % 2 == 0 ? 0 : 1));
        }
        List<String> first = answers(observer(recognition, "descriptor", FeatureDistance.COSINE, 5, 7), trials);
        List<String> again = answers(observer(recognition, "descriptor", FeatureDistance.COSINE, 5, 7), trials);
        List<String> otherSeed = answers(observer(recognition, "descriptor", FeatureDistance.COSINE, 5, 8), trials);
        assertThat(first).isEqualTo(again).isNotEqualTo(otherSeed);
        long correct = 0;
        for (int i = 0; i < trials.size(); i++) {
            correct += first.get(i).equals(i % 2 == 0 ? "A" : "B") ? 1 : 0;
        }
        // an SD far above the cosine distances leaves the answers near chance, not always right
        assertThat(correct).isBetween(70L, 140L);
    }

    @Test
    void exactTiesAreBrokenByTheSeededCoin() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            trials.add(trial(i, 2, 2, 2));
        }
        List<String> answers = answers(observer(recognition, "pooled", FeatureDistance.EUCLIDEAN, 0, 3), trials);
        assertThat(answers).contains("A", "B")
                .isEqualTo(answers(observer(recognition, "pooled", FeatureDistance.EUCLIDEAN, 0, 3), trials));
    }

    @Test
    void relativeNoiseNeedsContinuumStimuli() {
        try (AbxDistanceObserver observer = new AbxDistanceObserver("test", TASK, recognition, false, "descriptor",
                FeatureDistance.EUCLIDEAN, new AbxNoise(0.2, true), 1, CropSource.WHOLE_IMAGE)) {
            assertThatThrownBy(() -> observer.prepareBlock(List.of(trial(0, 0, 1, 0)), IMAGES))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("lies on no continuum; relative decision noise (relnoise) needs continuum stimuli");
        }
    }

    @Test
    void anUnknownLayerListsTheOfferedOnes() {
        assertThatThrownBy(() -> observer(recognition, "fc", FeatureDistance.EUCLIDEAN, 0, 1))
                .isInstanceOf(TandemException.class)
                .hasMessageStartingWith("network faceapi:recognition has no layer 'fc'; its layers are conv32_down, pool,")
                .hasMessageEndingWith("pooled, descriptor");
    }

    @Test
    void gaussianNoiseHasUnitSpreadAndDistancesTheirDefinitions() {
        DecisionNoise noise = new DecisionNoise(42);
        double sum = 0;
        double squares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double z = noise.gaussian(i);
            sum += z;
            squares += z * z;
        }
        assertThat(sum / n).isCloseTo(0, offset(0.03));
        assertThat(Math.sqrt(squares / n - (sum / n) * (sum / n))).isCloseTo(1, offset(0.03));
        float[] a = {3, 0};
        float[] b = {0, 4};
        assertThat(FeatureDistance.EUCLIDEAN.between(a, b)).isEqualTo(5.0);
        assertThat(FeatureDistance.COSINE.between(a, b)).isEqualTo(1.0);
        assertThat(FeatureDistance.COSINE.between(a, new float[] {6, 0})).isCloseTo(0, offset(1e-12));
        assertThat(FeatureDistance.COSINE.between(new float[2], new float[2])).isZero();
        assertThatThrownBy(() -> FeatureDistance.parse("manhattan")).hasMessage(
                "distance 'manhattan' is not known; use euclidean or cosine");
    }

    private static AbxDistanceObserver observer(FeatureNetwork net, String layer, FeatureDistance distance, double noise,
                                                long seed) {
        return new AbxDistanceObserver("test", TASK, net, false, layer, distance, new AbxNoise(noise, false), seed,
                CropSource.WHOLE_IMAGE);
    }

    private static List<String> answers(AbxDistanceObserver observer, List<Trial> trials) {
        observer.prepareBlock(trials, IMAGES);
        return trials.stream().map(t -> observer.respond(t, images(t)).answer()).toList();
    }

    private static Trial trial(int index, int a, int b, int x) {
        List<ShownStimulus> shown = List.of(new ShownStimulus("A", FACES.get(a)), new ShownStimulus("B", FACES.get(b)),
                new ShownStimulus("X", FACES.get(x)));
        return new Trial(index, "t" + index, "main", false, false, false, Map.of(), shown, x == a ? "A" : "B");
    }

    private static List<Raster> images(Trial trial) {
        return trial.stimuli().stream().map(s -> IMAGES.image(s.stimulus())).toList();
    }

    private static StimulusRef face(int k) {
        return StimulusRef.prototype("face-api-demo", Integer.toString(k), "neutral");
    }

    /** The real network, recording the size of every batch it is asked to run. */
    private static final class CountingNetwork implements FeatureNetwork {
        private final FeatureNetwork net;
        private final List<Integer> batches = new ArrayList<>();

        CountingNetwork(FeatureNetwork net) {
            this.net = net;
        }

        @Override
        public String id() {
            return net.id();
        }

        @Override
        public List<String> layers() {
            return net.layers();
        }

        @Override
        public String defaultLayer() {
            return net.defaultLayer();
        }

        @Override
        public LayerActivations activations(List<Raster> crops, String layer) {
            batches.add(crops.size());
            return net.activations(crops, layer);
        }

        @Override
        public void close() {
        }
    }
}
