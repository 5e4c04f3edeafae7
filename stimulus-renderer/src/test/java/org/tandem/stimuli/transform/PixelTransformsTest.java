package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.stimuli.transform.Rasters.of;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/** Negation, inversion and greyscale against values worked out by hand. */
class PixelTransformsTest {

    @Test
    void negationOfAKnownTwoByTwo() {
        Raster in = of(2, 2,
                0, 1, 2, 100, 128, 127,
                255, 254, 253, 10, 20, 30);
        assertThat(Negation.apply(in)).isEqualTo(of(2, 2,
                255, 254, 253, 155, 127, 128,
                0, 1, 2, 245, 235, 225));
    }

    @Test
    void inversionOfAKnownThreeByTwoIsARotationNotAMirror() {
        // a b c        f e d
        // d e f   ->   c b a
        Raster in = of(3, 2,
                1, 1, 1, 2, 2, 2, 3, 3, 3,
                4, 4, 4, 5, 5, 5, 6, 6, 6);
        Raster out = Inversion.apply(in);
        assertThat(out).isEqualTo(of(3, 2,
                6, 6, 6, 5, 5, 5, 4, 4, 4,
                3, 3, 3, 2, 2, 2, 1, 1, 1));
        Raster mirrored = of(3, 2,
                4, 4, 4, 5, 5, 5, 6, 6, 6,
                1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(out).isNotEqualTo(mirrored);
    }

    @Test
    void inversionKeepsTheChannelOrderOfEachPixel() {
        Raster in = of(2, 1, 10, 20, 30, 40, 50, 60);
        assertThat(Inversion.apply(in)).isEqualTo(of(2, 1, 40, 50, 60, 10, 20, 30));
    }

    @Test
    void greyscaleIsBt601LumaRoundedHalfUp() {
        Raster in = of(6, 1,
                255, 0, 0,      // 76.245 -> 76
                0, 255, 0,      // 149.685 -> 150
                0, 0, 255,      // 29.07 -> 29
                100, 150, 200,  // 29.9 + 88.05 + 22.8 = 140.75 -> 141
                10, 20, 30,     // 2.99 + 11.74 + 3.42 = 18.15 -> 18
                0, 36, 12);     // 21.132 + 1.368 = 22.5 exactly -> 23 (in doubles the sum is 22.499999999999996)
        assertThat(Greyscale.apply(in)).isEqualTo(Rasters.grey(6, 1, 76, 150, 29, 141, 18, 23));
    }

    @Test
    void greyscaleLeavesGreyPixelsAlone() {
        Raster grey = Rasters.grey(3, 1, 0, 128, 255);
        assertThat(Greyscale.apply(grey)).isEqualTo(grey);
    }

    @Test
    void meanGreyIsTheRoundedMeanLuma() {
        // lumas 76.245 and 149.685: mean 112.965 -> 113
        assertThat(Luma.meanGrey(of(2, 1, 255, 0, 0, 0, 255, 0))).isEqualTo(113);
        // 0 and 255: 127.5 -> 128
        assertThat(Luma.meanGrey(Rasters.grey(2, 1, 0, 255))).isEqualTo(128);
    }
}
