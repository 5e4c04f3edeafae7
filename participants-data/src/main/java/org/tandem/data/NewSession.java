package org.tandem.data;

import java.util.Map;
import java.util.Objects;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Everything the store records when a session starts. The protocol id, hash, seed and variant must be those the plan was
 * made from; {@link TandemStore#startSession} checks that they agree.
 *
 * @param study           study name; created on first use
 * @param protocolId      the protocol's id
 * @param protocolJson    the protocol document as read
 * @param protocolSha256  the protocol's content hash (as in {@link TrialPlan#protocolSha256()})
 * @param observerKind    human or model
 * @param observerId      who answers: a station or model name (e.g. {@code lab-pc-2}, {@code face-api-expression})
 * @param participantCode pseudonymous participant code for human sessions; null for model sessions
 * @param seed            the seed the plan was made with
 * @param variant         the protocol variant, or null
 * @param plan            the trials to run, stored verbatim with the session
 * @param stationInfo     extra facts about the station (display, refresh rate, GPU, ...); may be empty. Host name, OS and
 *                        Java version are added by the store.
 */
public record NewSession(String study, String protocolId, String protocolJson, String protocolSha256,
                         ObserverKind observerKind, String observerId, String participantCode, long seed, String variant,
                         TrialPlan plan, Map<String, String> stationInfo) {
    public NewSession {
        Objects.requireNonNull(observerKind, "observerKind");
        Objects.requireNonNull(plan, "plan");
        stationInfo = stationInfo == null ? Map.of() : Map.copyOf(stationInfo);
    }
}
