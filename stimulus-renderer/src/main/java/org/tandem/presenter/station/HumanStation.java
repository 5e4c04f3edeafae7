package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_SPACE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tandem.presenter.DisplaySizes;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.FrameLoop;
import org.tandem.presenter.FramePlan;
import org.tandem.presenter.Screen;
import org.tandem.presenter.ShownTrial;
import org.tandem.presenter.Station;
import org.tandem.presenter.TrialPresenter;
import org.tandem.presenter.VisualAngle;
import org.tandem.presenter.screen.FeedbackScreen;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.presenter.screen.Screens;
import org.tandem.presenter.screen.StationTexts;
import org.tandem.presenter.triggers.Triggers;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * The testing station as an {@link Observer}: a person answers each trial at a {@link Station}. Before the first trial
 * of a run it shows the protocol's instructions; before a block, the block's; before a trial the plan marks
 * {@code breakBefore}, a rest screen with progress. A trial is ITI, fixation, the stimuli (A, ISI, B, ISI, X in ABX)
 * and the response screen; the answer is the first label key or label click once the answer window has opened (at
 * stimulus onset; in ABX when X appears), earlier ones only when the protocol accepts early responses; RT = event
 * time - opening on the flip clock. Keys are the characters printed on the keyboard in its active layout. When the
 * response window (frames of the response screen, from its first flip) has run out, the trial is stored without an
 * answer unless the protocol accepts late responses. Each trial's response carries its {@link Presentation}: every
 * timed screen measured from its flips, the run segment, and the keys, pauses and re-presentations of the trial.
 * Practice trials with a correct answer get feedback ("Too slow" when the window ran out). Breaks count main trials
 * only. The mouse pointer is hidden unless clicks answer. Esc opens the pause screen: R shows the interrupted trial again
 * from its start, Q stops the session ({@link SessionAbortedException}; every stored answer is kept).
 */
public final class HumanStation implements Observer {
    /** How long practice feedback stays up. */
    static final double FEEDBACK_MS = 1000;

    private final Station station;
    private final Protocol protocol;
    private final String participantCode;
    private final BreakProgress progress;
    private final ScreenWatcher watcher;
    private final ResponseRules rules;
    private final FramePlan frames;
    private final TrialPresenter presenter;
    private final ResponseScreen responseScreen;
    private final AnswerReader reader;
    private final ResponseWindow window;
    private final KeyboardLayout keyboard;
    private final int pauseResumeKey;
    private final int pauseStopKey;
    private final int runSegment;
    private final List<StationEvent> trialEvents = new ArrayList<>();
    private final Hold hold;
    private final Screens screens;
    /** Fonts baked at the protocol's text height in degrees, or null when the station's own serve. */
    private final Fonts ownFonts;
    /** The response screen's condition, a field so waiting allocates nothing per frame. */
    private final FrameLoop.Condition answeredOrClosed = this::answeredOrClosed;
    private final boolean waitsPastWindow;
    private StationEvent stop;
    private boolean introduced;
    private int trialsShown;
    private String blockInstructions;

    /**
     * @param frames   the protocol's durations in frames at the station's measured rate
     * @param plan     the session's plan, for the progress shown at breaks (main trials only)
     */
    public HumanStation(Station station, Protocol protocol, FramePlan frames, String participantCode, TrialPlan plan,
                        ScreenWatcher watcher) {
        this(station, protocol, frames, participantCode, plan, watcher, 1);
    }

    /**
     * @param runSegment which run of the session this is: 1 for the first, 2 for its first resume, ...
     */
    public HumanStation(Station station, Protocol protocol, FramePlan frames, String participantCode, TrialPlan plan,
                        ScreenWatcher watcher, int runSegment) {
        this(station, protocol, frames, participantCode, plan, watcher, runSegment, null);
    }

    /**
     * @param viewing the viewing geometry, needed when the protocol gives sizes in degrees; null when not known
     */
    public HumanStation(Station station, Protocol protocol, FramePlan frames, String participantCode, TrialPlan plan,
                        ScreenWatcher watcher, int runSegment, VisualAngle viewing) {
        this.station = station;
        DisplaySizes sizes = DisplaySizes.of(protocol, viewing);
        StationTexts texts = StationTexts.of(protocol.wording());
        String shown = texts.allText() + String.join("", protocol.instructions()) + protocol.blocks().stream()
                .map(b -> b.instructions() == null ? "" : b.instructions()).collect(Collectors.joining())
                + protocol.task().labels().stream().map(Task.ResponseOption::label).collect(Collectors.joining());
        // the station's own fonts hold Latin-1 at the screen's size; other sizes or scripts need their own
        boolean beyondLatin1 = shown.codePoints().anyMatch(c -> c > 255);
        this.ownFonts = sizes.textHeightPx() > 0 || beyondLatin1 ? Fonts.forBodyHeight(sizes.textHeightPx() > 0
                ? sizes.textHeightPx() : Fonts.bodyHeightFor(station.window().height()), shown) : null;
        this.screens = new Screens(ownFonts != null ? ownFonts : station.fonts(), station.window().width(),
                station.window().height(), sizes.fixationArmPx(), texts);
        this.runSegment = runSegment;
        this.protocol = protocol;
        this.participantCode = Objects.requireNonNull(participantCode, "participantCode");
        if (protocol.timing().mask() != null) {
            throw new TandemException(protocol.id() + ": timing.mask is given, but the protocol format names no mask"
                    + " image and the station shows none; remove timing.mask");
        }
        this.progress = BreakProgress.of(plan);
        this.watcher = watcher;
        this.frames = frames;
        this.keyboard = KeyboardLayout.active();
        this.rules = ResponseRules.forParticipant(protocol, keyboard, participantCode);
        KeyboardLayout pauseKeys = protocol.timing().keysByPosition() ? KeyboardLayout.US_POSITIONS : keyboard;
        this.pauseResumeKey = KeyNames.glfwKey("R", pauseKeys);
        this.pauseStopKey = KeyNames.glfwKey("Q", pauseKeys);
        this.presenter = new TrialPresenter(station.loop(), screens, station.textures(), sizes.stimulus(), frames,
                protocol.timing().abxAnswerFrom());
        this.responseScreen = screens.response(texts.prompt() != null ? texts.prompt() : Prompts.of(protocol.task()),
                rules.boxTexts());
        this.reader = new AnswerReader(station.input(), rules, responseScreen.boxes());
        this.window = new ResponseWindow(frames.responseWindow(), station.loop().periodNs());
        // the pointer is a distraction on the screen unless clicking a label answers
        station.window().showCursor(rules.clicks());
        this.waitsPastWindow = frames.responseWindow() == 0 || rules.acceptLate();
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
        trialEvents.clear();
        if (!introduced) {
            for (String page : protocol.instructions()) {
                message("instructions", trial.index(), screens.instructions(screens.texts().instructionsTitle(),
                        page));
            }
            introduced = true;
        }
        if (trial.breakBefore() && trialsShown > 0) {
            message("break", trial.index(), screens.rest(progress.mainTrialsBefore(trial.index()),
                    progress.mainTrials()));
        }
        if (blockInstructions != null) {
            message("block", trial.index(), screens.instructions(screens.texts().nextPartTitle(),
                    blockInstructions));
            blockInstructions = null;
        }
        station.loop().triggers().clear();
        Answer answer = present(trial, earlierStored);
        while (answer == null) {
            pause(trial.index());
            trialEvents.add(new StationEvent("re-presented", System.nanoTime(), null));
            answer = present(trial, earlierStored);
        }
        trialsShown++;
        if (trial.feedback() && trial.correctAnswer() != null) {
            feedback(trial, answer.label() == null ? FeedbackScreen.Verdict.TOO_SLOW
                    : trial.correctAnswer().equals(answer.label()) ? FeedbackScreen.Verdict.CORRECT
                    : FeedbackScreen.Verdict.WRONG);
        }
        Triggers triggers = station.loop().triggers();
        triggers.send(triggers.codes().trialEnd());
        noteTriggers(triggers);
        Presentation presentation = new Presentation(answer.screens(), answer.opensNanos(), runSegment,
                station.loop().periodNs(), trialEvents);
        return Response.ofStation(answer.label(), answer.rtMs(), answer.timing(), presentation);
    }

    /** Shows the end screen with the protocol's end text (by default a thanks) until the space bar is pressed. */
    public void finish() {
        hold.untilKey("end", -1, screens.end(), GLFW_KEY_SPACE);
    }

    /** Shows the end screen with {@code text} until the space bar is pressed. */
    public void finish(String text) {
        hold.untilKey("end", -1, screens.end(text), GLFW_KEY_SPACE);
    }

    /** What one presentation of a trial gave: the answer (null: none in the window) and how it was shown. */
    private record Answer(String label, Double rtMs, FrameTiming timing, List<ScreenTiming> screens, long opensNanos) {
    }

    /** One presentation of the trial; null when the participant asked for the pause screen. */
    private Answer present(Trial trial, DurabilityGate earlierStored) {
        station.input().clear();
        ShownTrial shown = presenter.show(trial, responseScreen, earlierStored);
        FrameTiming timing = shown.timing();
        long opens = shown.answerOpensNanos();
        reader.start(opens);
        window.start(timing.offsetNanos());
        hold.until("response", trial.index(), responseScreen, timing.offsetNanos(), answeredOrClosed);
        noteKeys();
        if (reader.pauseAsked()) {
            trialEvents.add(new StationEvent("pause", System.nanoTime(), null));
            return null;
        }
        boolean closed = window.closedAt() != 0;
        boolean answered = reader.answer() >= 0
                && (waitsPastWindow || !closed || reader.answerNanos() <= window.closedAt());
        List<ScreenTiming> screens = screens(shown, answered);
        if (!answered) {
            return new Answer(null, null, timing, screens, opens);
        }
        Triggers triggers = station.loop().triggers();
        triggers.send(triggers.codes().response());
        return new Answer(rules.labels().get(reader.answer()), (reader.answerNanos() - opens) / 1e6, timing, screens,
                opens);
    }

    private boolean answeredOrClosed(long flip) {
        boolean closed = window.passed(flip);
        return reader.read() || (!waitsPastWindow && closed);
    }

    /** The trial's screens, the response screen last: timed when its window ran out, otherwise it waited. */
    private List<ScreenTiming> screens(ShownTrial shown, boolean answered) {
        List<ScreenTiming> screens = new ArrayList<>(shown.screens());
        int requested = !answered && window.closedAt() != 0 ? window.frames() : 0;
        screens.add(ScreenTiming.measured("response", window.firstFlip(), window.lastFlip(), requested,
                window.elapsed(), station.loop().periodNs(), false));
        return screens;
    }

    /** The trigger codes sent during the trial, with their send times, as the trial's {@code trigger} events. */
    private void noteTriggers(Triggers triggers) {
        for (int i = 0; i < triggers.sent(); i++) {
            trialEvents.add(new StationEvent("trigger", triggers.nanos(i), Integer.toString(triggers.code(i))));
        }
        triggers.clear();
    }

    /** Keys pressed before the answer window opened or answering nothing, as the trial's events. */
    private void noteKeys() {
        for (int i = 0; i < reader.noted(); i++) {
            trialEvents.add(new StationEvent(reader.notedKind(i), reader.notedNanos(i),
                    keyboard.characterOf(reader.notedKey(i))));
        }
        if (reader.notedDropped() > 0) {
            trialEvents.add(new StationEvent("keys-not-listed", System.nanoTime(),
                    reader.notedDropped() + " more keys"));
        }
    }

    /** Shows practice feedback for {@link #FEEDBACK_MS}, counted from its first flip. */
    private void feedback(Trial trial, FeedbackScreen.Verdict verdict) {
        Screen screen = screens.feedback(verdict, trial.correctAnswer());
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
        int key = hold.untilKey("pause", trialIndex, screens.pause(), pauseResumeKey, pauseStopKey);
        if (key == pauseStopKey) {
            stop = new StationEvent("stopped", System.nanoTime(), Integer.toString(trialIndex));
            throw new SessionAbortedException("the session was stopped on the pause screen before trial " + trialIndex
                    + "; every answer given so far is kept, and the session can be resumed");
        }
    }

    /**
     * The stop on the pause screen, when the participant stopped the session: its {@code detail} is the index of the
     * trial that was not answered. Null while the session goes on.
     */
    public StationEvent stop() {
        return stop;
    }

    @Override
    public void close() {
        station.textures().close();
        if (ownFonts != null) {
            ownFonts.close();
        }
    }
}
