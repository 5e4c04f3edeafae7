package org.tandem.engine.imports;

/** The tools whose trial exports Tandem reads, and the unit each writes response times in. */
public enum ImportTool {
    PSYCHOPY("psychopy", "s"),
    JSPSYCH("jspsych", "ms");

    private final String code;
    private final String rtUnit;

    ImportTool(String code, String rtUnit) {
        this.code = code;
        this.rtUnit = rtUnit;
    }

    public String code() {
        return code;
    }

    /** PsychoPy's {@code key_resp.rt} is in seconds, jsPsych's {@code rt} in milliseconds. */
    String rtUnit() {
        return rtUnit;
    }

    /** The observer id of imported sessions: which tool ran them. */
    public String observerId() {
        return org.tandem.analysis.report.ObserverGroup.IMPORTED + code;
    }
}
