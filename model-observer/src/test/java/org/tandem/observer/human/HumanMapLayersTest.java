package org.tandem.observer.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.protocols.observer.Raster;

/**
 * Every human-models network can be mapped where `tandem explain` maps it by default: its default map layer has
 * spatial maps and feeds its default layer, a linear readout of which is differentiated with respect to it. A batch's
 * gradients are each image's own, also for centernet, whose graph takes one image at a time.
 */
class HumanMapLayersTest {

    @ParameterizedTest
    @ValueSource(strings = {"human:mobilefacenet", "human:mobileface", "human:faceres", "human:gear",
            "human:centernet"})
    void theDefaultMapLayerIsDifferentiatedThroughAReadoutOfTheDefaultLayer(String spec) {
        try (HumanNetwork network = HumanNetwork.open(spec)) {
            String layer = network.defaultMapLayer();
            assertThat(network.mapLayers()).contains(layer);
            assertThat(network.ownScores()).isEmpty();
            List<Raster> crops = List.of(noise(1, 80, 100), noise(2, 90, 70));
            int width = network.activations(crops.subList(0, 1), network.defaultLayer()).data().length;
            float[][] weights = new float[2][width];
            for (int i = 0; i < width; i++) {
                weights[0][i] = (float) Math.sin(i);
                weights[1][i] = (float) Math.cos(i);
            }
            ScoreHead head = ScoreHead.linear(network.defaultLayer(), List.of("a", "b"), weights, new double[2]);
            LayerGradient both = network.gradient(crops, layer, head, new int[] {0, 1});
            assertThat(both.height() * both.width()).isGreaterThan(1);
            double sum = 0;
            for (float g : both.gradients()) {
                sum += Math.abs(g);
            }
            assertThat(sum).as("the gradients' absolute sum").isPositive();
            LayerGradient second = network.gradient(crops.subList(1, 2), layer, head, new int[] {1});
            float[] fromBatch = Arrays.copyOfRange(both.gradients(), both.offset(1), both.gradients().length);
            for (int i = 0; i < fromBatch.length; i += 97) {
                assertThat(fromBatch[i]).isCloseTo(second.gradients()[i], within(1e-5f + 1e-3f
                        * Math.abs(second.gradients()[i])));
            }
        }
    }

    private static Raster noise(int seed, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        return new Raster(width, height, rgb);
    }
}
