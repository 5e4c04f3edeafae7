package org.tandem.presenter.triggers;

import org.tandem.protocols.TandemException;

/**
 * The byte sent on the trigger port for each kind of event, 1-255; 0 sends nothing for that kind. The defaults number
 * the events of a trial in order.
 */
public record TriggerCodes(int trialStart, int fixation, int stimulusOnset, int response, int trialEnd) {
    public static final TriggerCodes DEFAULT = new TriggerCodes(1, 2, 3, 4, 5);

    public TriggerCodes {
        check("trialStart", trialStart);
        check("fixation", fixation);
        check("stimulusOnset", stimulusOnset);
        check("response", response);
        check("trialEnd", trialEnd);
    }

    /** E.g. {@code trialStart=1 fixation=2 stimulusOnset=3 response=4 trialEnd=5}, stored with the session. */
    public String describe() {
        return "trialStart=" + trialStart + " fixation=" + fixation + " stimulusOnset=" + stimulusOnset + " response="
                + response + " trialEnd=" + trialEnd;
    }

    private static void check(String kind, int code) {
        if (code < 0 || code > 255) {
            throw new TandemException("trigger code " + kind + " is " + code + "; a code is one byte, 1 to 255 (0: send"
                    + " nothing for it)");
        }
    }
}
