package org.tandem.engine.station;

import java.util.List;
import java.util.Locale;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.record.TrialRecord;

/**
 * How faithfully one run of a session showed its trials: the trials with any screen too short or too long, the worst
 * deviation from a requested duration (and where), and the missed refreshes during stimuli. Printed when the run ends
 * and stored as its {@code timing-summary} event.
 *
 * @param trials         the run's trials with a presentation record
 * @param faulty         those with at least one timing fault
 * @param shortScreens   screens shown too short
 * @param longScreens    screens shown too long
 * @param worstMs        the largest deviation in either direction (signed), 0 when every screen was exact
 * @param worstAt        where it was, e.g. {@code trial 7 fixation}; null without trials
 * @param missedFrames   late flips during the stimulus sequences
 */
public record TimingSummary(int runSegment, int trials, int faulty, int shortScreens, int longScreens, double worstMs,
                            String worstAt, int missedFrames) {

    /** The summary of the trials of {@code runSegment} among a session's stored trials. */
    public static TimingSummary of(List<TrialRecord> records, int runSegment) {
        int trials = 0;
        int faulty = 0;
        int shortScreens = 0;
        int longScreens = 0;
        int missed = 0;
        double worst = 0;
        String worstAt = null;
        for (TrialRecord r : records) {
            Presentation p = r.response().presentation();
            if (p == null || p.runSegment() != runSegment) {
                continue;
            }
            trials++;
            faulty += p.timingOk() ? 0 : 1;
            missed += r.response().timing() == null ? 0 : r.response().timing().missedFrames();
            for (ScreenTiming s : p.screens()) {
                shortScreens += ScreenTiming.SHORT.equals(s.fault()) ? 1 : 0;
                longScreens += ScreenTiming.LONG.equals(s.fault()) ? 1 : 0;
                if (Math.abs(s.deviationMs()) > Math.abs(worst)) {
                    worst = s.deviationMs();
                    worstAt = "trial " + r.trial().index() + " " + s.screen();
                }
            }
        }
        return new TimingSummary(runSegment, trials, faulty, shortScreens, longScreens, worst, worstAt, missed);
    }

    /** One line for the terminal. */
    public String describe() {
        if (trials == 0) {
            return "Timing (run " + runSegment + "): no trials shown";
        }
        String worstPart = worstAt == null ? "every screen exact"
                : String.format(Locale.ROOT, "worst deviation %+.1f ms (%s)", worstMs, worstAt);
        return String.format(Locale.ROOT, "Timing (run %d): %d of %d trials with a timing fault (%d screens too short,"
                + " %d too long); %s; %d missed frames during stimuli%s", runSegment, faulty, trials, shortScreens,
                longScreens, worstPart, missedFrames, faulty == 0 ? "" : "; see the export's timing_faults and events");
    }

    /** The stored event's detail. */
    public String json() {
        return String.format(Locale.ROOT, "{\"run_segment\":%d,\"trials\":%d,\"faulty_trials\":%d,\"short_screens\":%d,"
                + "\"long_screens\":%d,\"worst_deviation_ms\":%.3f,\"worst_at\":%s,\"missed_frames\":%d}", runSegment,
                trials, faulty, shortScreens, longScreens, worstMs, worstAt == null ? "null" : "\"" + worstAt + "\"",
                missedFrames);
    }
}
