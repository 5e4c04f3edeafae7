package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/** Luminance/contrast matching and histogram matching over sets of generated gradient images. */
class SetMatchTest {

    private static final List<Raster> GREY_SET = List.of(
            Rasters.greyGradient(40, 30, 20, 120),
            Rasters.greyGradient(40, 30, 60, 230),
            Rasters.greyGradient(40, 30, 100, 160),
            Rasters.greyGradient(40, 30, 0, 255));

    private static final List<Raster> COLOUR_SET = List.of(
            Rasters.colourGradient(32, 24, 40, 200, 120),
            Rasters.colourGradient(32, 24, 90, 160, 125),
            Rasters.colourGradient(32, 24, 10, 250, 130));

    @Test
    void lumMatchGivesEveryImageTheSetsMeanOfMeansAndMeanOfSds() {
        LuminanceStats target = LuminanceMatch.setTargets(GREY_SET);
        double means = 0;
        double sds = 0;
        for (Raster image : GREY_SET) {
            means += LuminanceStats.of(image).mean();
            sds += LuminanceStats.of(image).sd();
        }
        assertThat(target.mean()).isCloseTo(means / 4, within(1e-9));
        assertThat(target.sd()).isCloseTo(sds / 4, within(1e-9));

        TransformedSet matched = LuminanceMatch.match(GREY_SET);
        assertThat(matched.totalClipped()).isZero();
        for (Raster image : matched.images()) {
            LuminanceStats stats = LuminanceStats.of(image);
            assertThat(stats.mean()).isCloseTo(target.mean(), within(0.5));
            assertThat(stats.sd()).isCloseTo(target.sd(), within(0.5));
        }
        // they did differ before
        assertThat(LuminanceStats.of(GREY_SET.get(0)).mean()).isNotCloseTo(target.mean(), within(5.0));
    }

    /** Channels near the luma, so that stretching the contrast clips nothing (a far-off channel would be clipped). */
    @Test
    void lumMatchOnColourMapsEachChannelLikeTheLuma() {
        LuminanceStats target = new LuminanceStats(128, 30);
        TransformedSet matched = LuminanceMatch.match(COLOUR_SET, target);
        assertThat(matched.totalClipped()).isZero();
        for (Raster image : matched.images()) {
            LuminanceStats stats = LuminanceStats.of(image);
            assertThat(stats.mean()).isCloseTo(128, within(0.5));
            assertThat(stats.sd()).isCloseTo(30, within(0.5));
        }
        // the blue channel is constant in each input, and stays constant: same affine map for every channel
        Raster first = matched.images().get(0);
        assertThat(first.sample(0, 0, 2)).isEqualTo(first.sample(31, 23, 2));
    }

    @Test
    void lumMatchCountsClippedPixels() {
        // two pixels 0 and 200: mean 100, SD 100; target mean 100, SD 200 maps them to -100 -> 0 and 300 -> 255
        Raster image = Rasters.grey(2, 1, 0, 200);
        TransformedSet matched = LuminanceMatch.match(List.of(image), new LuminanceStats(100, 200));
        assertThat(matched.images().get(0)).isEqualTo(Rasters.grey(2, 1, 0, 255));
        assertThat(matched.clippedPixels()).containsExactly(2);
    }

    @Test
    void lumMatchOfAKnownPairByHand() {
        // image A: 10, 30 (mean 20, SD 10); image B: 100, 160 (mean 130, SD 30); targets mean 75, SD 20
        TransformedSet matched = LuminanceMatch.match(List.of(Rasters.grey(2, 1, 10, 30), Rasters.grey(2, 1, 100, 160)));
        assertThat(matched.images()).containsExactly(Rasters.grey(2, 1, 55, 95), Rasters.grey(2, 1, 55, 95));
    }

    @Test
    void flatImagesAreShiftedNotStretched() {
        TransformedSet matched = LuminanceMatch.match(List.of(Rasters.grey(2, 1, 50, 50)), new LuminanceStats(80, 10));
        assertThat(matched.images().get(0)).isEqualTo(Rasters.grey(2, 1, 80, 80));
    }

    @Test
    void histMatchGivesGreyImagesOfOneSizeIdenticalHistograms() {
        TransformedSet matched = HistogramMatch.match(GREY_SET);
        int[] first = HistogramMatch.histogram(matched.images().get(0));
        for (Raster image : matched.images()) {
            assertThat(HistogramMatch.histogram(image)).containsExactly(first);
        }
        assertThat(HistogramMatch.histogram(GREY_SET.get(0))).isNotEqualTo(HistogramMatch.histogram(GREY_SET.get(1)));

        // and that histogram is the set's average, rounded to whole pixels
        double[] average = HistogramMatch.averageHistogram(GREY_SET);
        int n = 40 * 30;
        for (int v = 0; v < 256; v++) {
            assertThat((double) first[v]).as("level %d", v).isCloseTo(average[v] * n, within(1.0));
        }
    }

    @Test
    void histMatchKeepsTheOrderOfLuma() {
        Raster image = GREY_SET.get(2);
        Raster matched = HistogramMatch.match(GREY_SET).images().get(2);
        double[] before = Luma.of(image);
        double[] after = Luma.of(matched);
        for (int p = 0; p < before.length; p++) {
            for (int q = 0; q < before.length; q += 37) {
                if (before[p] < before[q]) {
                    assertThat(after[p]).isLessThanOrEqualTo(after[q]);
                }
            }
        }
    }

    @Test
    void histMatchOfAKnownPairByHand() {
        // histograms {10: 2, 20: 2} and {30: 2, 40: 2}: average {10, 20, 30, 40: 1 each}. In A (10, 10, 20, 20) the first
        // 10's neighbourhood (10, 10, 10 with the edge repeated) is darker than the second's (10, 10, 20), and likewise
        // for the 20s, so A becomes 10, 20, 30, 40
        Raster a = Rasters.grey(4, 1, 10, 10, 20, 20);
        Raster b = Rasters.grey(4, 1, 40, 30, 40, 30);
        TransformedSet matched = HistogramMatch.match(List.of(a, b));
        assertThat(matched.images().get(0)).isEqualTo(Rasters.grey(4, 1, 10, 20, 30, 40));
        // in B the two 30s (positions 1 and 3) rank first; position 3's neighbourhood (30, 30, 40 with the edge repeated)
        // is darker than position 1's (40, 30, 40), so it gets 10 and position 1 gets 20
        assertThat(matched.images().get(1)).isEqualTo(Rasters.grey(4, 1, 40, 20, 30, 10));
    }

    @Test
    void histMatchOnColourGivesNearlyIdenticalLumaHistograms() {
        TransformedSet matched = HistogramMatch.match(COLOUR_SET);
        int n = 32 * 24;
        int[] first = HistogramMatch.histogram(matched.images().get(0));
        for (Raster image : matched.images()) {
            int[] h = HistogramMatch.histogram(image);
            int moved = 0;
            for (int v = 0; v < 256; v++) {
                moved += Math.abs(h[v] - first[v]);
            }
            assertThat(moved / 2.0 / n).as("share of pixels in another bin").isLessThan(0.02);
        }
    }
}
