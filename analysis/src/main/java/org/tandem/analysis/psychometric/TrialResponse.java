package org.tandem.analysis.psychometric;

/** One trial of a psychometric experiment: the stimulus level and whether the answer was "yes" (or correct). */
public record TrialResponse(double level, boolean positive) {
}
