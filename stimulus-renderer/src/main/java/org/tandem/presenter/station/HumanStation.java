package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Q;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_R;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_SPACE;

import java.util.List;
import java.util.Objects;
import org.tandem.presenter.FramePlan;
import org.tandem.presenter.Screen;
import org.tandem.presenter.Station;
import org.tandem.presenter.StimulusSize;
import org.tandem.presenter.TrialPresenter;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.Trial;

/**
 * The testing station as an {@link Observer}: a person answers each trial at a {@link Station}. Before the first trial
 * of a run it shows the protocol's instructions; before a block, the block's; before a trial the plan marks
 * {@code breakBefore}, a rest screen with progress. A trial is ITI, fixation, the stimuli (A, ISI, B, ISI, X in ABX)
 * and the response screen; the answer is the first label key or label click from stimulus onset on (earlier ones only
 * when the protocol accepts early responses), RT = event time - onset on the flip clock. When the response window
 * (counted from onset) ends, the trial is stored without an answer unless the protocol accepts late responses.
 * Practice trials with a correct answer get feedback. Esc opens the pause screen: R shows the interrupted trial again
 * from its start, Q stops the session ({@link SessionAbortedException}; every stored answer is kept).
 */
public final class HumanStation implements Observer {
    /** How long practice feedback stays up. */
    static final double FEEDBACK_MS = 1000;

    private final Station station;
    private final Protocol protocol;
    private final String participantCode;
    private final int planSize;
    private final ScreenWatcher watcher;
    private final ResponseRules rules;
    private final FramePlan frames;
    private final TrialPresenter presenter;
    private final ResponseScreen responseScreen;
    private final AnswerReader reader;
    private final Hold hold;
    private boolean introduced;
    private int trialsShown;
    private String blockInstructions;

    /**
     * @param frames   the protocol's durations in frames at the station's measured rate
     * @param planSize the trials in the session's plan, for the progress shown at breaks
     */
    public HumanStation(Station station, Protocol protocol, FramePlan frames, String participantCode, int planSize,
                        ScreenWatcher watcher) {
        this.station = station;
        this.protocol = protocol;
        this.participantCode = Objects.requireNonNull(participantCode, "participantCode");
        if (protocol.timing().mask() != null) {
            throw new TandemException(protocol.id() + ": timing.mask is given, but the protocol format names no mask"
                    + " image and the station shows none; remove timing.mask");
        }
        this.planSize = planSize;
        this.watcher = watcher;
        this.frames = frames;
        this.rules = ResponseRules.of(protocol);
        this.presenter = new TrialPresenter(station.loop(), station.screens(), station.textures(),
                new StimulusSize.Native(), frames);
        this.responseScreen = station.screens().response(Prompts.of(protocol.task()), rules.boxTexts());
        this.reader = new AnswerReader(station.input(), rules, responseScreen.boxes());
        this.hold = new Hold(station, watcher);
    }

    @Override
    public ObserverKind kind() {
        return ObserverKind.HUMAN;
    }

    @Override
    public String id() {
        return participantCode;
    }

    /** Uploads the block's textures before it starts, and queues the block's instructions for its first trial. */
    @Override
    public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
        station.textures().prepare(blockTrials, images);
        blockInstructions = blockTrials.isEmpty() ? null : protocol.blocks().stream()
                .filter(b -> b.name().equals(blockTrials.get(0).block())).map(Protocol.Block::instructions)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public Response respond(Trial trial, List<Raster> images) {
        return respond(trial, images, DurabilityGate.STORED);
    }

    /** The previous trial's commit runs meanwhile; the ITI blank stays up until it has returned. */
    @Override
    public Response respond(Trial trial, List<Raster> images, DurabilityGate earlierStored) {
        if (!introduced) {
            for (String page : protocol.instructions()) {
                message("instructions", trial.index(), station.screens().instructions("Instructions", page));
            }
            introduced = true;
        }
        if (trial.breakBefore() && trialsShown > 0) {
            message("break", trial.index(), station.screens().rest(trial.index(), planSize));
        }
        if (blockInstructions != null) {
            message("block", trial.index(), station.screens().instructions("Next part", blockInstructions));
            blockInstructions = null;
        }
        Response response = present(trial, earlierStored);
        while (response == null) {
            pause(trial.index());
            response = present(trial, earlierStored);
        }
        trialsShown++;
        if (trial.feedback() && trial.correctAnswer() != null) {
            feedback(trial, response);
        }
        return response;
    }

    /** Shows the end screen until the space bar is pressed. */
    public void finish(String text) {
        hold.untilKey("end", -1, station.screens().end(text), GLFW_KEY_SPACE);
    }

    /** One presentation of the trial; null when the participant asked for the pause screen. */
    private Response present(Trial trial, DurabilityGate earlierStored) {
        station.input().clear();
        FrameTiming timing = presenter.present(trial, responseScreen, earlierStored);
        long onset = timing.onsetNanos();
        long deadline = frames.responseWindow() == 0 ? 0
                : onset + Math.round(frames.responseWindow() * station.loop().periodNs());
        boolean waitsPastWindow = deadline == 0 || rules.acceptLate();
        reader.start(onset);
        hold.until("response", trial.index(), responseScreen, timing.offsetNanos(),
                flip -> reader.read() || (!waitsPastWindow && flip >= deadline));
        if (reader.pauseAsked()) {
            return null;
        }
        boolean answered = reader.answer() >= 0 && (waitsPastWindow || reader.answerNanos() <= deadline);
        if (!answered) {
            return new Response(null, null, timing, null);
        }
        return Response.ofHuman(rules.labels().get(reader.answer()), (reader.answerNanos() - onset) / 1e6, timing);
    }

    /** Shows practice feedback for {@link #FEEDBACK_MS}, counted from its first flip. */
    private void feedback(Trial trial, Response response) {
        Screen screen = station.screens().feedback(trial.correctAnswer().equals(response.answer()), trial.correctAnswer());
        long[] end = {0};
        hold.until("feedback", trial.index(), screen, 0, flip -> {
            if (end[0] == 0) {
                end[0] = flip + (long) (FEEDBACK_MS * 1e6);
            }
            return flip >= end[0];
        });
    }

    /** A page the participant reads and leaves with the space bar; Esc pauses. */
    private void message(String name, int trialIndex, Screen screen) {
        while (Hold.isEscape(hold.untilKey(name, trialIndex, screen, GLFW_KEY_SPACE, GLFW_KEY_ESCAPE))) {
            pause(trialIndex);
        }
    }

    private void pause(int trialIndex) {
        int key = hold.untilKey("pause", trialIndex, station.screens().pause(), GLFW_KEY_R, GLFW_KEY_Q);
        if (key == GLFW_KEY_Q) {
            throw new SessionAbortedException("the session was stopped on the pause screen before trial " + trialIndex
                    + "; every answer given so far is kept, and the session can be resumed");
        }
    }

    @Override
    public void close() {
        station.textures().close();
    }
}
