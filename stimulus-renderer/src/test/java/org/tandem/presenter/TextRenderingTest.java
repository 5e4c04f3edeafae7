package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

class TextRenderingTest {

    /** Pixels of a raster that differ from the background grey. */
    static int inked(Raster raster) {
        int count = 0;
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                if (raster.sample(x, y, 0) != 128 || raster.sample(x, y, 1) != 128 || raster.sample(x, y, 2) != 128) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void textIsDrawnAsGlyphPixelsWithinItsMeasuredBox() {
        try (GlStage stage = new GlStage(400, 200)) {
            FontAtlas font = stage.fonts.body();
            String text = "Happy face?";
            float width = font.width(text);
            Raster shot = stage.capture(canvas -> font.draw(canvas, text, 20, 20 + font.ascent(), Colour.WHITE));

            assertThat(width).isBetween(text.length() * font.pixelHeight() * 0.3f, text.length() * font.pixelHeight());
            Raster box = shot.crop(18, 18, Math.round(width) + 4, Math.round(font.lineHeight()) + 4);
            assertThat(inked(box)).isGreaterThan(100);
            assertThat(inked(shot)).isEqualTo(inked(box));
            // white glyph cores, not just grey smudges
            assertThat(maxRed(box)).isEqualTo(255);
        }
    }

    @Test
    void aBlankScreenHasNoInk() {
        try (GlStage stage = new GlStage(200, 100)) {
            assertThat(inked(stage.capture(canvas -> stage.fonts.body().draw(canvas, "   ", 10, 50, Colour.WHITE))))
                    .isZero();
        }
    }

    private static int maxRed(Raster raster) {
        int max = 0;
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                max = Math.max(max, raster.sample(x, y, 0));
            }
        }
        return max;
    }
}
