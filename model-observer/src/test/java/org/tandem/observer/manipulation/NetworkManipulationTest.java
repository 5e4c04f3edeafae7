package org.tandem.observer.manipulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.faceapi.FaceApiArchitectures;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** Lesions and weight shuffles on the real face-api expression network, and their specs. */
class NetworkManipulationTest {
    private static final List<Raster> CROPS = List.of(FaceApiReference.crop(0, "expression"),
            FaceApiReference.crop(1, "expression"));

    @TempDir
    Path dir;

    @Test
    void specsSayTheManipulationCanonicallyAndObserverSpecsKeepItInTheModel() {
        ManipulatedSpec lesion = ManipulatedSpec.parse("faceapi:expression?layer=dense2&lesion=selective");
        assertThat(lesion.network()).isEqualTo("faceapi:expression");
        assertThat(FeatureNetworks.canonical("faceapi:expression?layer=dense2&lesion=selective"))
                .isEqualTo("faceapi:expression?lesion=expression-selective&layer=dense2");
        assertThat(FeatureNetworks.canonical("faceapi:expression?lesion=random&layer=dense2&fill=mean&seed=4"))
                .isEqualTo("faceapi:expression?lesion=random&layer=dense2&fill=mean&seed=4");
        assertThat(FeatureNetworks.canonical("faceapi:expression:untrained?seed=3&lesion=random&layer=dense2"))
                .isEqualTo("faceapi:expression:untrained?seed=3&lesion=random&layer=dense2");
        assertThat(FeatureNetworks.canonical("faceapi:recognition?shuffle=all"))
                .isEqualTo("faceapi:recognition?shuffle=all&seed=1");
        assertThat(ManipulatedSpec.manipulates("faceapi:expression:untrained?seed=2")).isFalse();

        ObserverSpec observer = ObserverSpec.parse("faceapi:expression?lesion=selective&layer=dense3");
        assertThat(observer.model()).isEqualTo("faceapi:expression?lesion=expression-selective&layer=dense3");
        assertThat(observer.layer()).isNull();
        assertThat(ObserverSpec.parse(observer.toString())).isEqualTo(observer);
        ObserverSpec readout = ObserverSpec.parse("faceapi:recognition?shuffle=conv32_1&seed=5&readout=logistic");
        assertThat(readout.toString()).isEqualTo("faceapi:recognition?shuffle=conv32_1&seed=5&readout=logistic");
        assertThat(ObserverSpec.parse(readout.toString())).isEqualTo(readout);
    }

    @Test
    void badManipulationsAreRefusedInOneLine() throws IOException {
        assertThatThrownBy(() -> FeatureNetworks.canonical("faceapi:expression?lesion=selective"))
                .isInstanceOf(TandemException.class).hasMessageContaining("add layer=L");
        assertThatThrownBy(() -> FeatureNetworks.canonical("faceapi:expression?lesion=some&layer=dense1"))
                .hasMessageContaining("lesion 'some' is neither");
        assertThatThrownBy(() -> FeatureNetworks.canonical("faceapi:expression:untrained?shuffle=all"))
                .hasMessageContaining("random already");
        assertThatThrownBy(() -> FeatureNetworks.canonical("faceapi:expression?shuffle=all&lesion=random&layer=x"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> FeatureNetworks.canonical("faceapi:expression?lesion=selective&layer=d&seed=2"))
                .hasMessageContaining("seed applies to a random lesion only");
        assertThatThrownBy(() -> FeatureNetworks.open("faceapi:expression?shuffle=dense9"))
                .hasMessageContaining("no weight group 'dense9'").hasMessageContaining("dense0, dense1");
        assertThatThrownBy(() -> FeatureNetworks.open("faceapi:expression?lesion=selective&layer=dense1"))
                .hasMessageContaining("reference images");
        assertThatThrownBy(() -> FeatureNetworks.open("human:mobileface?shuffle=all"))
                .hasMessageContaining("cannot have its weights shuffled");
        Path one = Files.writeString(dir.resolve("u.csv"), "unit\n1\n");
        assertThatThrownBy(() -> FeatureNetworks.open("zoo:resnet18?lesion=" + one
                + "&layer=05ParallelBlock")).hasMessageContaining("cannot be lesioned");
    }

    @Test
    void zeroingEveryFeatureLeavesOnlyTheHeadsBiasAndALesionActsOnLaterLayersOnly() throws IOException {
        Path all = units("features", IntStream.range(0, 256).toArray());
        NamedWeights weights = TfjsWeightManifest.load(FaceApiModels.folder(), FaceExpressionNet.MODEL);
        float[] bias = weights.tensor("fc/bias").values();
        try (FeatureNetwork intact = FeatureNetworks.open("faceapi:expression");
             FeatureNetwork lesioned = FeatureNetworks.open("faceapi:expression?lesion=" + all + "&layer=features")) {
            assertThat(lesioned.id()).isEqualTo("faceapi:expression?lesion=" + all + "&layer=features");
            LayerActivations logits = lesioned.activations(CROPS, "logits");
            for (int i = 0; i < CROPS.size(); i++) {
                for (int k = 0; k < bias.length; k++) {
                    assertThat(logits.item(i)[k]).isCloseTo(bias[k], offset(1e-6f));
                }
                assertThat(lesioned.activations(CROPS, "features").item(i)).containsOnly(0f);
            }
            // the layers before the lesion are untouched
            assertThat(lesioned.activations(CROPS, "dense3").data())
                    .containsExactly(intact.activations(CROPS, "dense3").data());
        }
    }

    @Test
    void aPartialLesionSilencesExactlyItsUnitsAndChangesTheAnswer() throws IOException {
        try (FeatureNetwork intact = FeatureNetworks.open("faceapi:expression")) {
            float[] before = intact.activations(CROPS, "dense3").item(1);
            // the ten most active units of the second face, and one that is silent anyway
            int[] silenced = IntStream.range(0, before.length).boxed()
                    .sorted((a, b) -> Float.compare(before[b], before[a])).limit(10).mapToInt(Integer::intValue).toArray();
            try (FeatureNetwork lesioned = FeatureNetworks.open("faceapi:expression?lesion="
                    + units("dense3", silenced) + "&layer=dense3")) {
                float[] after = lesioned.activations(CROPS, "dense3").item(1);
                for (int u = 0; u < before.length; u++) {
                    int unit = u;
                    assertThat(after[u]).as("unit %d", u).isEqualTo(Arrays.stream(silenced).anyMatch(s -> s == unit)
                            ? 0f : before[u]);
                }
                float[] intactLogits = intact.activations(CROPS, "logits").item(1);
                float[] lesionedLogits = lesioned.activations(CROPS, "logits").item(1);
                assertThat(lesionedLogits).isNotEqualTo(intactLogits);
            }
        }
    }

    @Test
    void aGraphNetworksLesionSilencesItsUnitsInChannelsLastOrderAndReachesLaterLayers() throws IOException {
        List<Raster> crops = List.of(FaceApiReference.crop(0, "recognition"), FaceApiReference.crop(1, "recognition"));
        try (FeatureNetwork intact = FeatureNetworks.open("human:mobilefacenet")) {
            List<String> blocks = intact.blockLayers();
            String layer = blocks.get(blocks.size() / 2);
            String later = blocks.get(blocks.size() - 1);
            float[] before = intact.activations(crops, layer).item(0);
            int[] silenced = IntStream.range(0, before.length).filter(u -> before[u] != 0).limit(40).toArray();
            try (FeatureNetwork lesioned = FeatureNetworks.open("human:mobilefacenet?lesion="
                    + units(layer, silenced) + "&layer=" + layer)) {
                for (int run = 0; run < 2; run++) { // the mask outlives each run's scope
                    float[] after = lesioned.activations(crops, layer).item(0);
                    for (int u = 0; u < before.length; u++) {
                        int unit = u;
                        assertThat(after[u]).as("unit %d", u).isEqualTo(Arrays.stream(silenced)
                                .anyMatch(x -> x == unit) ? 0f : before[u]);
                    }
                }
                assertThat(lesioned.activations(crops, later).data())
                        .isNotEqualTo(intact.activations(crops, later).data());
            }
        }
    }

    @Test
    void unitsBeyondTheLayerAreRefused() throws IOException {
        try (FeatureNetwork lesioned = FeatureNetworks.open("faceapi:expression?lesion=" + units("features", new int[] {256})
                + "&layer=features")) {
            assertThatThrownBy(() -> lesioned.activations(CROPS, "logits")).isInstanceOf(TandemException.class)
                    .hasMessageContaining("unit 256 is not in layer features, which has 256 units");
        }
    }

    @Test
    void aShufflePermutesEachTensorOfItsGroupsOnlyAndIsTheSameForTheSameSeed() {
        NamedWeights weights = TfjsWeightManifest.load(FaceApiModels.folder(), FaceExpressionNet.MODEL);
        assertThat(WeightShuffle.groups(weights)).containsExactly("dense0", "dense1", "dense2", "dense3", "fc");
        NamedWeights shuffled = WeightShuffle.apply(weights, new NetworkManipulation.Shuffle(List.of("dense2"), 7));
        NamedWeights again = WeightShuffle.apply(weights, new NetworkManipulation.Shuffle(List.of("dense2"), 7));
        NamedWeights other = WeightShuffle.apply(weights, new NetworkManipulation.Shuffle(List.of("dense2"), 8));
        shuffled.requireAll(FaceApiArchitectures.expression());
        for (WeightTensor t : weights.all()) {
            float[] v = shuffled.tensor(t.name()).values();
            if (t.name().startsWith("dense2/")) {
                assertThat(sorted(v)).as(t.name()).containsExactly(sorted(t.values()));
                assertThat(v).as(t.name()).isNotEqualTo(t.values());
                assertThat(again.tensor(t.name()).values()).containsExactly(v);
                assertThat(other.tensor(t.name()).values()).isNotEqualTo(v);
            } else {
                assertThat(v).as(t.name()).containsExactly(t.values());
            }
        }
        try (FeatureNetwork intact = FeatureNetworks.open("faceapi:expression");
             FeatureNetwork net = FeatureNetworks.open("faceapi:expression?shuffle=dense2&seed=7")) {
            assertThat(net.id()).isEqualTo("faceapi:expression?shuffle=dense2&seed=7");
            assertThat(net.activations(CROPS, "dense1").data()).containsExactly(intact.activations(CROPS, "dense1").data());
            assertThat(net.activations(CROPS, "dense2").data()).isNotEqualTo(intact.activations(CROPS, "dense2").data());
        }
    }

    /** A units file as tandem units --per-unit writes them: the rows of another layer must not count. */
    private Path units(String layer, int[] units) throws IOException {
        StringBuilder csv = new StringBuilder("network,layer,unit\n");
        for (int u : units) {
            csv.append("faceapi:expression,").append(layer).append(',').append(u).append('\n');
        }
        csv.append("faceapi:expression,dense0,1\n");
        Path file = dir.resolve(layer.replaceAll("[^A-Za-z0-9]", "_") + "-" + units.length + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static float[] sorted(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
