package org.tandem.protocols.record;

import java.time.Instant;
import java.util.Objects;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;

/**
 * A stored trial with the session facts analyses group by: the same record for people and networks.
 *
 * @param correct whether the answer equals the trial's correct answer; null where the trial has none or nothing was answered
 */
public record TrialRecord(SessionFacts session, Trial trial, Response response, Boolean correct, Instant recordedAt) {
    public TrialRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(response, "response");
    }

    /** The session-level facts every trial record carries. {@code participant} is null for model sessions. */
    public record SessionFacts(String sessionId, String study, String protocolId, String variant, ObserverKind observerKind,
                               String observerId, String participant, long seed) {
    }

    /** Whether an answer counts as correct: null when the trial has no correct answer or there was no answer. */
    public static Boolean scoreOf(Trial trial, Response response) {
        if (trial.correctAnswer() == null || response.answer() == null) {
            return null;
        }
        return trial.correctAnswer().equals(response.answer());
    }
}
