package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;
import org.tandem.presenter.FrameLoop.Step;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.Trial;

/**
 * Shows the visual part of one trial: inter-trial blank, fixation, then the trial's stimuli in presentation order with
 * blanks between them (a single image; or A, ISI, B, ISI, X in ABX), and finally the first frame of the response
 * screen, whose flip is the stimulus offset. Collecting the response on that screen is the caller's next step.
 */
public final class TrialPresenter {
    /** Blank frames per stretch while waiting for a commit; well under {@code Station.FLIPS_PER_TRIAL}. */
    private static final int WAIT_CHUNK = 1000;

    private final FrameLoop loop;
    private final Screens screens;
    private final StimulusTextures textures;
    private final StimulusSize size;
    private final FramePlan frames;
    private final Screen fixation;
    /** Polled after every blank frame past the ITI; a field so the frame loop allocates nothing. */
    private final FrameLoop.Condition earlierStored = flip -> this.gate.stored();
    private DurabilityGate gate = DurabilityGate.STORED;

    public TrialPresenter(FrameLoop loop, Screens screens, StimulusTextures textures, StimulusSize size,
                          FramePlan frames) {
        this.loop = loop;
        this.screens = screens;
        this.textures = textures;
        this.size = size;
        this.frames = frames;
        this.fixation = screens.fixation();
    }

    /** The stimulus steps of a trial; built before its first frame so the frame loop allocates nothing. */
    public List<Step> sequence(Trial trial) {
        List<Step> steps = new ArrayList<>();
        List<ShownStimulus> stimuli = trial.stimuli();
        for (int i = 0; i < stimuli.size(); i++) {
            if (i > 0 && frames.isi() > 0) {
                steps.add(new Step(Screens.BLANK, frames.isi()));
            }
            steps.add(new Step(screens.stimulus(textures.texture(stimuli.get(i).stimulus()), size), frames.stimulus()));
        }
        return List.copyOf(steps);
    }

    /**
     * Runs the trial up to and including the first frame of {@code responseScreen}. The frame log is reset first, so
     * its flips afterwards are this trial's.
     *
     * @return the stimulus timing: onset of the first image, offset at the response screen's first flip
     */
    public FrameTiming present(Trial trial, Screen responseScreen) {
        return present(trial, responseScreen, DurabilityGate.STORED);
    }

    /**
     * As {@link #present(Trial, Screen)}, but the inter-trial blank lasts until {@code earlierTrials} is open as well:
     * the previous trial's commit runs in the background during the ITI, and fixation never starts before it is
     * stored. A commit failure thrown by the gate ends the trial.
     */
    public FrameTiming present(Trial trial, Screen responseScreen, DurabilityGate earlierTrials) {
        List<Step> steps = sequence(trial);
        loop.reset();
        loop.show(Screens.BLANK, frames.iti());
        gate = earlierTrials;
        while (!earlierTrials.stored()) {
            if (loop.flips() >= WAIT_CHUNK) {
                // a slow commit may outlast the frame log; the ITI's flips are not part of the trial's timing
                loop.reset();
            }
            loop.showUntil(Screens.BLANK, earlierStored, WAIT_CHUNK);
        }
        gate = DurabilityGate.STORED;
        loop.show(fixation, frames.fixation());
        return loop.present(steps, responseScreen);
    }
}
