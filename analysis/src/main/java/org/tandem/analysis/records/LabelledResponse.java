package org.tandem.analysis.records;

/** One classification trial: the label the stimulus truly shows and the label the observer chose. */
public record LabelledResponse(String trialId, String trueLabel, String response) {
    public boolean correct() {
        return trueLabel.equals(response);
    }
}
