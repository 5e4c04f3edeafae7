package org.tandem.presenter.screen;

import java.util.Locale;
import org.tandem.protocols.Protocol;

/**
 * Every text the station shows besides the protocol's instructions and labels: the protocol's {@code wording} where it
 * gives one, English otherwise.
 */
public record StationTexts(String instructionsTitle, String nextPartTitle, String continueHint, String prompt,
                           String breakTitle, String breakText, String pauseTitle, String pauseText, String pauseHint,
                           String endTitle, String endText, String endHint, String correct, String wrong,
                           String tooSlow, String answerWas) {
    public static final StationTexts ENGLISH = new StationTexts("Instructions", "Next part",
            "Press the space bar to continue.", null, "Break",
            "You have finished {done} of {total} trials ({percent} %). Take a short rest; continue when you are ready.",
            "Paused", "Press R to resume where you left off.\nPress Q to stop the session; every answer given so far is"
            + " kept and the session can be resumed later.", "The session is paused.", "Thank you",
            "The session is complete. Thank you for taking part.", "Press the space bar to close.", "Correct", "Wrong",
            "Too slow", "The answer was:");

    /** The protocol's wording over the English defaults ({@code prompt} null: the task's own question). */
    public static StationTexts of(Protocol.Wording w) {
        if (w == null) {
            return ENGLISH;
        }
        StationTexts e = ENGLISH;
        return new StationTexts(or(w.instructionsTitle(), e.instructionsTitle), or(w.nextPartTitle(), e.nextPartTitle),
                or(w.continueHint(), e.continueHint), w.prompt(), or(w.breakTitle(), e.breakTitle),
                or(w.breakText(), e.breakText), or(w.pauseTitle(), e.pauseTitle), or(w.pauseText(), e.pauseText),
                or(w.pauseHint(), e.pauseHint), or(w.endTitle(), e.endTitle), or(w.endText(), e.endText),
                or(w.endHint(), e.endHint), or(w.correct(), e.correct), or(w.wrong(), e.wrong),
                or(w.tooSlow(), e.tooSlow), or(w.answerWas(), e.answerWas));
    }

    /** The break text with its {@code {done}}, {@code {total}} and {@code {percent}} filled in. */
    public String breakText(int done, int total) {
        return breakText.replace("{done}", Integer.toString(done)).replace("{total}", Integer.toString(total))
                .replace("{percent}", String.format(Locale.ROOT, "%d", Math.round(100.0 * done / total)));
    }

    /** Every character these texts use, for the glyph atlas. */
    public String allText() {
        return String.join("", instructionsTitle, nextPartTitle, continueHint, prompt == null ? "" : prompt,
                breakTitle, breakText, pauseTitle, pauseText, pauseHint, endTitle, endText, endHint, correct, wrong,
                tooSlow, answerWas);
    }

    private static String or(String given, String otherwise) {
        return given != null ? given : otherwise;
    }
}
