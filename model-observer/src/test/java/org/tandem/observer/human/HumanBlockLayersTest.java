package org.tandem.observer.human;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.protocols.observer.Raster;

/**
 * Each human-models network's block layers (what {@code tandem layers} reads by default) are nodes of its real graph in
 * forward order, include the default layer, and read in one pass give exactly what each gives read alone.
 */
class HumanBlockLayersTest {
    private static final Raster CROP = FaceApiReference.crop(0, "recognition");

    @ParameterizedTest(name = "{0}")
    @EnumSource(HumanModel.class)
    void blockLayersAreGraphNodesInForwardOrderAndOnePassReadsThemAll(HumanModel model) {
        try (HumanNetwork network = HumanNetwork.open("human:" + model.specName())) {
            List<String> blocks = network.blockLayers();
            assertThat(blocks).hasSizeGreaterThanOrEqualTo(5).contains(model.defaultLayer());
            List<Integer> positions = blocks.stream().map(network.layers()::indexOf).toList();
            assertThat(positions).doesNotContain(-1).isSorted();
            assertThat(network.channelsLast()).isTrue();
            assertThat(network.trainedFor()).isEqualTo(model.trainedFor());

            Map<String, LayerActivations> together = network.activations(List.of(CROP, CROP), blocks);
            assertThat(together.keySet()).containsExactlyElementsOf(blocks);
            String middle = blocks.get(blocks.size() / 2);
            LayerActivations alone = network.activations(List.of(CROP), middle);
            assertThat(together.get(middle).itemShape()).isEqualTo(alone.itemShape());
            assertThat(together.get(middle).item(1)).containsExactly(alone.item(0));
        }
    }
}
