package org.tandem.observer.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.testing.UserModelFixtures;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** Architecture controls: seeded random weights are reproducible, different seeds differ, layers are readable by name. */
class ZooNetworkTest {
    /** 64 pixels keep VGG's first fully connected layer small (2x2x512 inputs) so the test stays light. */
    private static final String VGG = "zoo:vgg16?size=64&seed=";
    private static final List<Raster> IMAGES = List.of(UserModelFixtures.image("exact.png"),
            UserModelFixtures.image("gradient.png"));

    @Test
    void sameSeedSameOutputsOtherSeedOtherOutputs() {
        float[] first = defaultLayer(VGG + 5);
        float[] again = defaultLayer(VGG + 5);
        float[] other = defaultLayer(VGG + 6);
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void vgg16OffersItsBlocksInForwardOrder() {
        try (FeatureNetwork net = ZooModels.open(VGG + 1)) {
            assertThat(net.id()).isEqualTo("zoo:vgg16?seed=1&size=64");
            assertThat(net.layers()).hasSize(13).startsWith("01SequentialBlock").endsWith("13Linear");
            assertThat(net.defaultLayer()).isEqualTo("12Dropout");
            LayerActivations conv1 = net.activations(IMAGES, net.layers().get(0));
            assertThat(conv1.itemShape()).containsExactly(64, 32, 32);
            LayerActivations fc7 = net.activations(IMAGES, net.defaultLayer());
            assertThat(fc7.itemShape()).containsExactly(4096);
            assertThat(net.activations(IMAGES, net.layers().get(net.layers().size() - 1)).itemShape())
                    .containsExactly(ZooArchitecture.CLASSES);
            assertThat(conv1.item(0)).isNotEqualTo(conv1.item(1));
        }
    }

    @Test
    void resnet18RunsToItsPooledFeature() {
        try (FeatureNetwork net = ZooModels.open("zoo:resnet18?size=32&seed=2")) {
            assertThat(net.defaultLayer()).isEqualTo("11LambdaBlock");
            assertThat(net.activations(IMAGES, net.defaultLayer()).itemShape()).containsExactly(512);
        }
    }

    @Test
    void badSpecsAndLayersAreOneLineErrors() {
        assertThatThrownBy(() -> ZooModels.open("zoo:vgg17")).isInstanceOf(TandemException.class)
                .hasMessageContaining("'vgg17' is not a zoo architecture").hasMessageContaining("vgg16, vgg19");
        assertThatThrownBy(() -> ZooModels.open("zoo:vgg16?seed=x")).isInstanceOf(TandemException.class)
                .hasMessageContaining("the seed 'x' is not a whole number");
        assertThatThrownBy(() -> ZooModels.open("zoo:vgg16?size=16")).isInstanceOf(TandemException.class)
                .hasMessageContaining("size 16 is outside 32..1024");
        try (FeatureNetwork net = ZooModels.open("zoo:vgg11?size=32")) {
            assertThatThrownBy(() -> net.activations(IMAGES, "fc7")).isInstanceOf(TandemException.class)
                    .hasMessageStartingWith("network zoo:vgg11?seed=1&size=32 offers no layer 'fc7'; its layers are ");
        }
    }

    private static float[] defaultLayer(String spec) {
        try (FeatureNetwork net = ZooModels.open(spec)) {
            return net.activations(IMAGES, net.defaultLayer()).data();
        }
    }
}
