package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;
import org.tandem.presenter.FrameLoop.Step;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.Trial;

/**
 * Shows the visual part of one trial: inter-trial blank, fixation, then the trial's stimuli in presentation order with
 * blanks between them (a single image; or A, ISI, B, ISI, X in ABX), and finally the first frame of the response
 * screen, whose flip is the stimulus offset. Collecting the response on that screen is the caller's next step.
 */
public final class TrialPresenter {
    private final FrameLoop loop;
    private final Screens screens;
    private final StimulusTextures textures;
    private final StimulusSize size;
    private final FramePlan frames;
    private final Screen fixation;

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
        List<Step> steps = sequence(trial);
        loop.reset();
        loop.show(Screens.BLANK, frames.iti());
        loop.show(fixation, frames.fixation());
        return loop.present(steps, responseScreen);
    }
}
