package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;
import org.tandem.presenter.FrameLoop.Step;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.presenter.triggers.TriggerCodes;
import org.tandem.protocols.Timing;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ScreenTiming;
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
    public static final String ITI = "iti";
    public static final String FIXATION = "fixation";
    public static final String ISI = Step.ISI;

    private final FrameLoop loop;
    private final Screens screens;
    private final StimulusTextures textures;
    private final StimulusSize size;
    private final FramePlan frames;
    private final String abxAnswerFrom;
    private final Screen fixation;
    /** Polled after every blank frame past the ITI; a field so the frame loop allocates nothing. */
    private final FrameLoop.Condition earlierStored = flip -> this.gate.stored();
    private DurabilityGate gate = DurabilityGate.STORED;

    public TrialPresenter(FrameLoop loop, Screens screens, StimulusTextures textures, StimulusSize size,
                          FramePlan frames) {
        this(loop, screens, textures, size, frames, Timing.X_ONSET);
    }

    /** @param abxAnswerFrom when an ABX answer counts: {@link Timing#X_ONSET} or {@link Timing#B_OFFSET} */
    public TrialPresenter(FrameLoop loop, Screens screens, StimulusTextures textures, StimulusSize size,
                          FramePlan frames, String abxAnswerFrom) {
        this.abxAnswerFrom = abxAnswerFrom;
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
                steps.add(new Step(ISI, Screens.BLANK, frames.isi()));
            }
            steps.add(new Step(stimuli.get(i).role(), screens.stimulus(textures.texture(stimuli.get(i).stimulus()), size),
                    frames.stimulus()));
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
        return show(trial, responseScreen, DurabilityGate.STORED).timing();
    }

    /**
     * As {@link #present(Trial, Screen)}, but the inter-trial blank lasts until {@code earlierTrials} is open as well:
     * the previous trial's commit runs in the background during the ITI, and fixation never starts before it is
     * stored. A commit failure thrown by the gate ends the trial.
     */
    public FrameTiming present(Trial trial, Screen responseScreen, DurabilityGate earlierTrials) {
        return show(trial, responseScreen, earlierTrials).timing();
    }

    /** As {@link #present(Trial, Screen, DurabilityGate)}, with every timed screen measured from its flips. */
    public ShownTrial show(Trial trial, Screen responseScreen, DurabilityGate earlierTrials) {
        List<Step> steps = sequence(trial);
        TriggerCodes codes = loop.triggers().codes();
        loop.reset();
        if (frames.iti() > 0) {
            loop.triggerAfterNextFlip(codes.trialStart());
        } else {
            loop.triggers().send(codes.trialStart()); // no blank to start with: the trial starts now
        }
        loop.show(Screens.BLANK, frames.iti());
        long itiOnset = frames.iti() > 0 ? loop.flip(0) : 0;
        boolean itiLogged = true;
        gate = earlierTrials;
        while (!earlierTrials.stored()) {
            if (loop.flips() >= WAIT_CHUNK) {
                // a slow commit may outlast the frame log; the ITI's flips are not part of the trial's timing
                loop.reset();
                itiLogged = false;
            }
            loop.showUntil(Screens.BLANK, earlierStored, WAIT_CHUNK);
        }
        gate = DurabilityGate.STORED;
        if (frames.fixation() > 0) {
            loop.triggerAfterNextFlip(codes.fixation());
        }
        int fixationStart = loop.show(fixation, frames.fixation());
        loop.triggerAfterNextFlip(codes.stimulusOnset());
        FrameTiming timing = loop.present(steps, responseScreen);
        return new ShownTrial(timing, screens(steps, itiOnset, itiLogged, fixationStart), answerOpens(steps));
    }

    /** The timed screens of the trial just shown, from the frame log. */
    private List<ScreenTiming> screens(List<Step> steps, long itiOnset, boolean itiLogged, int fixationStart) {
        List<ScreenTiming> timed = new ArrayList<>();
        double period = loop.periodNs();
        int firstStimulus = loop.stepStart(0);
        if (frames.iti() > 0) {
            long offset = loop.flip(fixationStart);
            int shown = itiLogged ? FrameAccounting.shownFrames(loop.flipLog(), 0, fixationStart, period)
                    : (int) Math.round((offset - itiOnset) / period);
            // the blank waits for the previous trial's commit, so only a short one is a fault
            timed.add(ScreenTiming.measured(ITI, itiOnset, offset, frames.iti(), shown, period, true));
        }
        if (frames.fixation() > 0) {
            timed.add(measured(FIXATION, fixationStart, firstStimulus, frames.fixation()));
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).frames() > 0) {
                timed.add(measured(steps.get(i).name(), loop.stepStart(i), loop.stepStart(i + 1), steps.get(i).frames()));
            }
        }
        return timed;
    }

    private ScreenTiming measured(String name, int from, int to, int requested) {
        double period = loop.periodNs();
        return ScreenTiming.measured(name, loop.flip(from), loop.flip(to), requested,
                FrameAccounting.shownFrames(loop.flipLog(), from, to, period), period, false);
    }

    /**
     * The flip an answer counts from. In ABX that is once X has appeared and A and B have both been seen: X's onset
     * in ABX, B's offset in AXB and XAB; or B's offset wherever it is, when the protocol lets people answer after B.
     */
    private long answerOpens(List<Step> steps) {
        int x = indexOf(steps, "X");
        int b = indexOf(steps, "B");
        if (x < 0 || b < 0) {
            return loop.flip(loop.stepStart(0));
        }
        long bOffset = loop.flip(loop.stepStart(b + 1));
        if (Timing.B_OFFSET.equals(abxAnswerFrom)) {
            return bOffset;
        }
        return Math.max(loop.flip(loop.stepStart(x)), bOffset);
    }

    private static int indexOf(List<Step> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
