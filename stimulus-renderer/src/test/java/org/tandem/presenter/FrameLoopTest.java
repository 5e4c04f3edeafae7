package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.FrameLoop.Step;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Raster;

class FrameLoopTest {

    @Test
    void theRefreshCheckIsRecordedAndFlaggedWhenTheDisplayHasNoVsyncPacing() {
        try (GlStage stage = new GlStage(320, 240)) {
            RefreshCheck check = RefreshCheck.measure(stage.window, stage.canvas, 300).requireStable(true);
            assertThat(check.intervals()).isEqualTo(300);
            assertThat(check.meanMs()).isPositive();
            assertThat(check.measuredHz()).isPositive();
            assertThat(check.stable()).isEqualTo(check.problem() == null);
            // the null platform has no monitor to pace swaps: the check must notice
            if (stage.window.platform() == GlPlatform.HEADLESS_EGL) {
                assertThat(check.stable()).isFalse();
            }
        }
    }

    @Test
    void aStimulusSequenceIsTimestampedFlipByFlip() {
        try (GlStage stage = new GlStage(320, 240)) {
            RefreshCheck check = RefreshCheck.measure(stage.window, stage.canvas, 100).requireStable(true);
            FrameLoop loop = new FrameLoop(stage.window, stage.canvas, check.periodNs(), 1000);
            Screen stimulus = canvas -> canvas.fillRect(10, 10, 50, 50, Colour.WHITE);
            loop.show(stage.screens.fixation(), 20);
            int onsetIndex = loop.flips();
            FrameTiming timing = loop.present(List.of(new Step(stimulus, 300)), Screens.BLANK);

            assertThat(loop.flips()).isEqualTo(20 + 300 + 1);
            for (int i = 1; i < loop.flips(); i++) {
                assertThat(loop.flip(i)).isGreaterThan(loop.flip(i - 1));
            }
            assertThat(timing.onsetNanos()).isEqualTo(loop.flip(onsetIndex));
            assertThat(timing.offsetNanos()).isEqualTo(loop.flip(onsetIndex + 300));
            assertThat(timing.framesRequested()).isEqualTo(300);
            // on time, shown = requested; every missed refresh adds at least one frame
            assertThat(timing.framesShown()).isGreaterThanOrEqualTo(timing.framesRequested() + timing.missedFrames());
            assertThat(timing.framesShown() == timing.framesRequested()).isEqualTo(timing.missedFrames() == 0);
            assertThat(timing.missed()).isEqualTo(timing.missedFrames() > 0);
        }
    }

    @Test
    void anAbxSequenceRunsAIsiBIsiXAndItsOffsetIsTheFirstFrameAfterX() {
        try (GlStage stage = new GlStage(320, 240)) {
            FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, 100);
            Screen a = canvas -> canvas.fillRect(0, 0, 10, 10, Colour.WHITE);
            Screen b = canvas -> canvas.fillRect(0, 0, 10, 10, Colour.BLACK);
            List<Step> abx = List.of(new Step(a, 3), new Step(Screens.BLANK, 2), new Step(b, 3),
                    new Step(Screens.BLANK, 2), new Step(a, 3));
            FrameTiming timing = loop.present(abx, Screens.BLANK);
            assertThat(timing.framesRequested()).isEqualTo(13);
            assertThat(loop.flips()).isEqualTo(14);
            assertThat(timing.offsetNanos()).isEqualTo(loop.flip(13));

            loop.reset();
            int[] frames = {0};
            loop.showUntil(Screens.BLANK, flip -> ++frames[0] == 7, 0);
            assertThat(loop.flips()).isEqualTo(7);
        }
    }

    @Test
    void thePhotodiodeSquareIsWhiteOnTheFramesOfImagesAndBlackOtherwise() {
        try (GlStage stage = new GlStage(320, 240)) {
            PhotodiodeMarker marker = PhotodiodeMarker.parse("40,top-right");
            Screen grey = canvas -> { };
            Raster lit = stage.capture(canvas -> marker.draw(canvas, true));
            Raster dark = stage.capture(canvas -> marker.draw(canvas, false));
            for (int c = 0; c < 3; c++) {
                assertThat(lit.sample(300, 10, c)).isEqualTo(255);
                assertThat(lit.sample(280, 39, c)).as("inside, at the square's inner corner").isEqualTo(255);
                assertThat(lit.sample(279, 39, c)).as("just left of the square").isEqualTo(128);
                assertThat(lit.sample(280, 40, c)).as("just below the square").isEqualTo(128);
                assertThat(lit.sample(10, 230, c)).as("the other corners keep the background").isEqualTo(128);
                assertThat(dark.sample(300, 10, c)).isZero();
            }
            assertThat(stage.capture(grey).sample(300, 10, 0)).isEqualTo(128);

            FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, 100);
            loop.usePhotodiode(marker);
            loop.show(Screens.BLANK, 2);
            List<Step> abx = List.of(new Step("A", grey, 3), new Step(Step.ISI, Screens.BLANK, 2),
                    new Step("B", grey, 3), new Step(Step.ISI, Screens.BLANK, 2), new Step("X", grey, 3));
            loop.present(abx, Screens.BLANK);
            boolean[] expected = {false, false, true, true, true, false, false, true, true, true, false, false, true,
                    true, true, false};
            for (int i = 0; i < expected.length; i++) {
                assertThat(loop.markerLit(i)).as("flip %d", i).isEqualTo(expected[i]);
            }
            assertThat(PhotodiodeMarker.parse("40").describe()).isEqualTo("40 px, bottom-left");
            assertThatThrownBy(() -> PhotodiodeMarker.parse("40,middle")).hasMessageContaining("top-left");
            assertThatThrownBy(() -> PhotodiodeMarker.parse("big")).hasMessageContaining("size in pixels");
        }
    }
}
