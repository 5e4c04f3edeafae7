package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.FeedbackScreen;

/** Feedback must be readable by luminance alone (red-green colour blindness): WCAG 2 contrast of 3:1 or more. */
class ColourContrastTest {
    @Test
    void theWcagFormulaGivesItsKnownValues() {
        assertThat(Colour.WHITE.contrastWith(Colour.BLACK)).isCloseTo(21.0, within(1e-9));
        assertThat(Colour.grey(128).relativeLuminance()).isCloseTo(0.2158605, within(1e-6));
    }

    @Test
    void everyFeedbackColourStandsOutFromTheBackground() {
        for (FeedbackScreen.Verdict verdict : FeedbackScreen.Verdict.values()) {
            assertThat(verdict.colour().contrastWith(Colour.BACKGROUND)).as(verdict.name()).isGreaterThanOrEqualTo(3.0);
        }
    }
}
