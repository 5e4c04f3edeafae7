package org.tandem.data;

import java.time.Instant;

/**
 * How far a session has come, read without rebuilding its trials: what a live overview of running sessions needs.
 *
 * @param trialsDone   trials recorded so far
 * @param lastTrialAt  when the latest trial was recorded; null before the first
 * @param timingFaults screens shown too short or too long, over all its trials
 */
public record SessionActivity(String sessionId, int trialsDone, Instant lastTrialAt, int timingFaults) {
}
