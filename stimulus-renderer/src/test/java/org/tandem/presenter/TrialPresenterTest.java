package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.FrameLoop.Step;
import org.tandem.presenter.screen.Screens;
import org.tandem.presenter.screen.StimulusScreen;
import org.tandem.protocols.Timing;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

class TrialPresenterTest {
    private static final StimulusRef A = StimulusRef.morph("set", "id1", "sad-happy", "20");
    private static final StimulusRef B = StimulusRef.morph("set", "id1", "sad-happy", "40");
    private static final StimulusRef OTHER = StimulusRef.morph("set", "id1", "sad-happy", "60");
    /** A distinct, odd-sized noise image per stimulus. */
    private static final StimulusImages IMAGES = ref -> PixelExactTextureTest.noise(61, 47, ref.id().hashCode());

    private GlStage stage;
    private StimulusTextures textures;

    @BeforeEach
    void openStage() {
        stage = new GlStage(320, 240);
        textures = new StimulusTextures();
    }

    @AfterEach
    void closeStage() {
        textures.close();
        stage.close();
    }

    private static Trial abx(int index, StimulusRef a, StimulusRef b, StimulusRef x) {
        return new Trial(index, "t" + index, "main", false, false, false, Map.of("step", "20"),
                List.of(new ShownStimulus("A", a), new ShownStimulus("B", b), new ShownStimulus("X", x)), "A");
    }

    @Test
    void aBlockUploadsEachDistinctStimulusOnce() {
        textures.prepare(List.of(abx(0, A, B, A), abx(1, B, A, B)), IMAGES);
        assertThat(textures.size()).isEqualTo(2);
        assertThat(textures.raster(A)).isEqualTo(IMAGES.image(A));
        assertThatThrownBy(() -> textures.texture(OTHER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepareBlock");
        textures.prepare(List.of(abx(2, OTHER, B, OTHER)), IMAGES);
        assertThat(textures.size()).isEqualTo(2);
        assertThatThrownBy(() -> textures.texture(A)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAbxTrialShowsTheExactRastersAsAIsiBIsiXAndTimesTheWholeSequence() {
        Trial trial = abx(0, A, B, B);
        FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, 1000);
        TrialPresenter presenter = abxPresenter(loop, trial);

        List<Step> steps = presenter.sequence(trial);
        assertThat(steps).extracting(Step::frames).containsExactly(3, 2, 3, 2, 3);
        List<StimulusRef> shown = List.of(A, B, B);
        for (int i = 0; i < 3; i++) {
            StimulusScreen screen = (StimulusScreen) steps.get(2 * i).screen();
            Raster onScreen = stage.capture(screen)
                    .crop(screen.x(), screen.y(), screen.drawnWidth(), screen.drawnHeight());
            assertThat(onScreen).as("image %d", i).isEqualTo(IMAGES.image(shown.get(i)));
        }
        assertThat(steps.get(1).screen()).isSameAs(Screens.BLANK);

        FrameTiming timing = presenter.present(trial, Screens.BLANK);
        assertThat(timing.framesRequested()).isEqualTo(13);
        assertThat(loop.flips()).isEqualTo(1 + 2 + 13 + 1);
        assertThat(timing.onsetNanos()).isEqualTo(loop.flip(3));
        assertThat(timing.offsetNanos()).isEqualTo(loop.flip(16));
    }

    @Test
    void theItiBlankLastsUntilTheEarlierTrialIsStoredAndAFailedCommitEndsTheTrial() {
        Trial trial = abx(0, A, B, B);
        FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, 1000);
        TrialPresenter presenter = abxPresenter(loop, trial);

        // stored from the 5th poll on: checked once after the ITI, then after each of 4 further blank frames
        PolledGate slowCommit = new PolledGate(5, null);
        FrameTiming timing = presenter.present(trial, Screens.BLANK, slowCommit);
        assertThat(loop.flips()).isEqualTo(1 + 4 + 2 + 13 + 1);
        assertThat(timing.onsetNanos()).isEqualTo(loop.flip(1 + 4 + 2));
        assertThat(slowCommit.polls()).hasValue(6);

        PolledGate failedCommit = new PolledGate(3, new IllegalStateException("disk full"));
        assertThatThrownBy(() -> presenter.present(trial, Screens.BLANK, failedCommit))
                .hasMessage("disk full");
        assertThat(loop.flips()).as("no fixation after a failed commit").isEqualTo(1 + 2);
    }

    @Test
    void everyTimedScreenIsMeasuredFromItsFlipsAndTheAbxAnswerOpensWhenXAppears() {
        Trial trial = abx(0, A, B, B);
        // a 100 ms period, far longer than the unpaced flips of Xvfb or EGL: every screen is shown too short
        FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 100_000_000, 1000);
        ShownTrial shown = abxPresenter(loop, trial).show(trial, Screens.BLANK, DurabilityGate.STORED);

        assertThat(shown.screens()).extracting(ScreenTiming::screen)
                .containsExactly("iti", "fixation", "A", "isi", "B", "isi", "X");
        assertThat(shown.screens()).extracting(ScreenTiming::framesRequested).containsExactly(1, 2, 3, 2, 3, 2, 3);
        int[] firstFlips = {0, 1, 3, 6, 8, 11, 13, 16};
        for (int i = 0; i < 7; i++) {
            ScreenTiming screen = shown.screens().get(i);
            assertThat(screen.onsetNanos()).as(screen.screen()).isEqualTo(loop.flip(firstFlips[i]));
            assertThat(screen.offsetNanos()).as(screen.screen()).isEqualTo(loop.flip(firstFlips[i + 1]));
            assertThat(screen.shownMs()).isEqualTo((screen.offsetNanos() - screen.onsetNanos()) / 1e6);
            assertThat(screen.requestedMs()).isEqualTo(screen.framesRequested() * 100.0);
            assertThat(screen.fault()).as(screen.screen()).isEqualTo(ScreenTiming.SHORT);
        }
        assertThat(shown.answerOpensNanos()).as("X's onset").isEqualTo(loop.flip(13));

        textures.prepare(List.of(trial), IMAGES);
        TrialPresenter afterB = new TrialPresenter(loop, stage.screens, textures, new StimulusSize.Native(),
                new FramePlan(2, 3, 2, 0, 1), Timing.B_OFFSET);
        assertThat(afterB.show(trial, Screens.BLANK, DurabilityGate.STORED).answerOpensNanos()).as("B's offset")
                .isEqualTo(loop.flip(11));
    }

    @Test
    void screensShownLongerThanAskedAreFlaggedExceptTheItiThatWaitsForTheCommit() {
        Trial trial = abx(0, A, B, B);
        // a 1 microsecond period: every real flip interval spans many such refreshes, so every screen is too long
        FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 1_000, 1000);
        ShownTrial shown = abxPresenter(loop, trial).show(trial, Screens.BLANK, DurabilityGate.STORED);

        assertThat(shown.screens().get(0).screen()).isEqualTo("iti");
        assertThat(shown.screens().get(0).ok()).as("a long ITI is no fault").isTrue();
        for (ScreenTiming screen : shown.screens().subList(1, shown.screens().size())) {
            assertThat(screen.fault()).as(screen.screen()).isEqualTo(ScreenTiming.LONG);
            assertThat(screen.framesShown()).isGreaterThan(screen.framesRequested());
        }
    }

    /** A commit that returns (or fails with {@code failure}) at the {@code openAt}-th poll. */
    private record PolledGate(int openAt, RuntimeException failure, AtomicInteger polls) implements DurabilityGate {
        PolledGate(int openAt, RuntimeException failure) {
            this(openAt, failure, new AtomicInteger());
        }

        @Override
        public boolean stored() {
            boolean open = polls.incrementAndGet() >= openAt;
            if (open && failure != null) {
                throw failure;
            }
            return open;
        }

        @Override
        public void await() {
            throw new AssertionError("the station polls the gate; it never blocks the render thread");
        }
    }

    /** A presenter with fixation 2, stimulus 3, ISI 2 and ITI 1 frames, the trial's textures uploaded. */
    private TrialPresenter abxPresenter(FrameLoop loop, Trial trial) {
        textures.prepare(List.of(trial), IMAGES);
        return new TrialPresenter(loop, stage.screens, textures, new StimulusSize.Native(), new FramePlan(2, 3, 2, 0, 1));
    }

    @Test
    void framePlansComeFromTheConvertedDurations() {
        List<FrameConversion> conversions = List.of(new FrameConversion("fixation", 500.0, null, 30, 60),
                new FrameConversion("stimulus", 200.0, null, 12, 60), new FrameConversion("iti", null, 6, 6, 60));
        assertThat(FramePlan.of(conversions)).isEqualTo(new FramePlan(30, 12, 0, 0, 6));
    }
}
