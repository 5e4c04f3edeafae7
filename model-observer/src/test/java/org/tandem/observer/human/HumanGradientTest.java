package org.tandem.observer.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.tfgraph.CompiledGraph;
import org.tandem.observer.tfgraph.GraphModel;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * human:emotion's gradients (real weights, float32) against central finite differences of its logits, each unit of the
 * mapped layer nudged through a second, independent copy of the graph's intervention hook. The gradient run rebuilds
 * the layers after the mapped one from a leaf inside the tape, after the first run's scope has closed its arrays, so
 * this also shows that autograd kept what backward needed.
 */
class HumanGradientTest {
    private static final String PREFIX = "StatefulPartitionedCall/model_1/";
    private static HumanNetwork network;
    private static NDManager base;
    private static CompiledGraph twin;

    @BeforeAll
    static void open() {
        network = HumanNetwork.open("human:emotion");
        base = DjlEngine.newBaseManager();
        twin = new CompiledGraph(GraphModel.load(ModelStore.humanModels().resolve(), "emotion"), base);
    }

    @AfterAll
    static void close() {
        twin.close();
        base.close();
        network.close();
    }

    private static List<Raster> crops() {
        return List.of(FaceApiReference.crop(0, "recognition"), noise(new Random(3), 90, 120));
    }

    @Test
    void theEmotionNetworksOwnScoresAreItsLogitsAndItsDefaultMapIsItsLastBlock() {
        ScoreHead head = network.ownScores().orElseThrow();
        assertThat(head.layer()).isEqualTo(PREFIX + "global_average_pooling2d_1/Mean");
        assertThat(head.classes()).containsExactly("angry", "disgusted", "fearful", "happy", "sad", "surprised",
                "neutral");
        assertThat(network.defaultMapLayer()).isEqualTo(PREFIX + "add_2/add");
        assertThat(network.mapLayers()).contains(PREFIX + "block1_conv1_act/Relu", PREFIX + "add_1/add")
                .doesNotContain(head.layer());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> network.gradient(crops(), head.layer(), head,
                new int[] {-1, -1}))).isInstanceOf(TandemException.class).hasMessageContaining("no spatial layer");
    }

    /**
     * After add_2 the logits are linear (a 1x1 convolution with bias, then a mean), so a finite difference is exact but
     * for float32 rounding: logits of about 10 are resolved to ~1e-6, which a nudge of ±0.5 divides by 1; single units
     * of both images must agree to 1e-5 + 0.1% (median gradient ~3e-3).
     */
    @Test
    void gradientsAtTheLastBlockEqualFiniteDifferencesUnitByUnit() {
        List<double[]> units = sampledUnits(PREFIX + "add_2/add", 0.5);
        for (double[] unit : units) {
            assertThat(unit[0]).as("unit %d", units.indexOf(unit)).isCloseTo(unit[1],
                    within(1e-5 + 1e-3 * Math.abs(unit[1])));
        }
        assertThat(units.stream().filter(unit -> unit[1] != 0).count()).as("units with a non-zero gradient")
                .isGreaterThan(units.size() * 3 / 4);
    }

    /**
     * Before add_2 lie ReLUs and a max pool, and more float32 sums: the logits carry ~1e-6 of rounding (as at add_2),
     * which a nudge of ±0.01 turns into 1e-4 of the difference quotient, so units agree to 1e-4 + 5% (median gradient
     * ~7e-4). A nudge that crosses a ReLU's kink or changes a pool's winner has another slope; smaller nudges drown in
     * rounding, larger ones cross more kinks, so three units in four must agree (85% do).
     */
    @Test
    void gradientsAtAnEarlierBlockEqualFiniteDifferencesOffTheKinks() {
        List<double[]> units = sampledUnits(PREFIX + "add_1/add", 0.01);
        long agree = units.stream().filter(unit -> Math.abs(unit[0] - unit[1]) <= 1e-4 + 0.05 * Math.abs(unit[1]))
                .count();
        assertThat(agree).as("units whose gradient equals the finite difference")
                .isGreaterThanOrEqualTo(units.size() * 3 / 4);
    }

    /**
     * {automatic gradient, central difference with nudges of ±h} of each image's target logit (image 0: its answer,
     * image 1: sad) at 40 units of the layer spread over its channels and positions.
     */
    private static List<double[]> sampledUnits(String layer, double h) {
        LayerGradient g = network.gradient(crops(), layer, network.ownScores().orElseThrow(), new int[] {-1, 4});
        int per = g.channels() * g.height() * g.width();
        List<double[]> out = new java.util.ArrayList<>();
        for (int image = 0; image < 2; image++) {
            for (int unit = 5; unit < per; unit += per / 40) {
                out.add(new double[] {g.gradients()[g.offset(image) + unit],
                        finiteDifference(layer, g, image, new int[] {unit}, h)});
            }
        }
        return out;
    }

    /** The central difference of image {@code image}'s target logit along the units ([channel][row][col]) of the layer. */
    private static double finiteDifference(String layer, LayerGradient g, int image, int[] units, double h) {
        return (logit(crops(), layer, g, image, units, h) - logit(crops(), layer, g, image, units, -h)) / (2 * h);
    }

    /** Image {@code image}'s target logit with {@code delta} added to the units of the layer. */
    private static double logit(List<Raster> crops, String layer, LayerGradient g, int image, int[] units,
                                double delta) {
        twin.intervene(layer, a -> {
            float[] values = a.toFloatArray();
            for (int unit : units) {
                int c = unit / (g.height() * g.width());
                int r = unit / g.width() % g.height();
                int col = unit % g.width();
                // the graph is channels-last: the same unit at [image][row][col][channel]
                values[((image * g.height() + r) * g.width() + col) * g.channels() + c] += (float) delta;
            }
            return a.getManager().create(values, a.getShape());
        });
        try (NDManager m = base.newSubManager()) {
            int per = 64 * 64;
            float[] input = new float[crops.size() * per];
            for (int i = 0; i < crops.size(); i++) {
                System.arraycopy(HumanInput.prepare(HumanInput.Preparation.GREY_CENTRED, crops.get(i), 64), 0, input,
                        i * per, per);
            }
            NDArray x = m.create(input, new Shape(crops.size(), 64, 64, 1));
            String logits = PREFIX + "global_average_pooling2d_1/Mean";
            float[] scores = twin.run(x, List.of(logits)).get(logits).toFloatArray();
            return scores[image * 7 + g.targets()[image]];
        } finally {
            twin.intervene(layer, a -> a);
        }
    }

    private static Raster noise(Random random, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        random.nextBytes(rgb);
        return new Raster(width, height, rgb);
    }
}
