package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.stimuli.transform.Rasters.grey;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/** Area averaging when shrinking, bilinear on pixel centres when growing, identity at the same size. */
class ResizeTest {

    @Test
    void sameSizeIsTheIdentity() {
        Raster image = Rasters.coordinates(17, 17);
        assertThat(Resize.to(image, 17)).isEqualTo(image);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        Raster in = grey(4, 4,
                0, 10, 100, 100,
                20, 30, 200, 201,
                1, 1, 50, 60,
                1, 2, 70, 80);
        // means: 15, 150.25 -> 150, 1.25 -> 1, 65
        assertThat(Resize.to(in, 2)).isEqualTo(grey(2, 2, 15, 150, 1, 65));
    }

    @Test
    void halvesOfAnAreaRoundUp() {
        // (0 + 1 + 0 + 0) / 4 = 0.25 -> 0; (1 + 1 + 0 + 0) / 4 = 0.5 -> 1
        assertThat(new Resize(2, 1).apply(grey(4, 2, 0, 1, 1, 1, 0, 0, 0, 0))).isEqualTo(grey(2, 1, 0, 1));
    }

    @Test
    void shrinkingByAFractionWeighsPartlyCoveredPixels() {
        // 3 -> 2: output 0 covers source [0, 1.5): 2/3 of pixel 0 + 1/3 of pixel 1; output 1: 1/3 of pixel 1 + 2/3 of pixel 2
        Raster in = grey(3, 1, 30, 60, 90);
        assertThat(new Resize(2, 1).apply(in)).isEqualTo(grey(2, 1, 40, 80));
    }

    @Test
    void growingIsBilinearOnPixelCentres() {
        // 2 -> 4: output centres map to source -0.25, 0.25, 0.75, 1.25 -> clamped 0, 25 %, 75 %, clamped 1
        assertThat(new Resize(4, 1).apply(grey(2, 1, 0, 100))).isEqualTo(grey(4, 1, 0, 25, 75, 100));
    }

    @Test
    void eachAxisIsResampledOnItsOwn() {
        // 4x1 -> 2x2: columns shrink by area (means of pairs), the single row grows (copied to both rows)
        Raster in = grey(4, 1, 10, 20, 100, 111);
        assertThat(Resize.to(in, 2)).isEqualTo(grey(2, 2, 15, 106, 15, 106));
    }

    @Test
    void colourChannelsAreResampledSeparately() {
        Raster in = Rasters.of(2, 1, 255, 0, 10, 0, 255, 20);
        assertThat(new Resize(1, 1).apply(in)).isEqualTo(Rasters.of(1, 1, 128, 128, 15));
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> Resize.square(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
