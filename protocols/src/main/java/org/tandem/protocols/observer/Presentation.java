package org.tandem.protocols.observer;

import java.util.List;

/**
 * How a person's trial was shown, beyond its stimulus {@link FrameTiming}: every timed screen measured from its flips,
 * when the answer window opened, which run of the session showed it and what else the station saw.
 *
 * @param screens          in the order shown: iti, fixation, the stimuli and blanks between them, the response screen
 * @param answerOpensNanos the flip that opened the answer window: stimulus onset, or in ABX the onset of X (or the offset
 *                         of B when the protocol lets people answer then); RT counts from it
 * @param runSegment       1 for the run that started the session, 2 for its first resume, and so on
 * @param periodNs         the refresh period the run measured, which frames are converted at
 * @param events           keys outside the answer window, pauses, re-presentations
 */
public record Presentation(List<ScreenTiming> screens, long answerOpensNanos, int runSegment, double periodNs,
                           List<StationEvent> events) {
    public Presentation {
        screens = List.copyOf(screens);
        events = List.copyOf(events);
    }

    /** Whether every timed screen was shown for the duration asked, within half a refresh period. */
    public boolean timingOk() {
        return screens.stream().allMatch(ScreenTiming::ok);
    }

    /** The screens shown too short or too long. */
    public List<ScreenTiming> faults() {
        return screens.stream().filter(s -> !s.ok()).toList();
    }

    /** The screen with this name (the first one), or null. */
    public ScreenTiming screen(String name) {
        return screens.stream().filter(s -> s.screen().equals(name)).findFirst().orElse(null);
    }
}
