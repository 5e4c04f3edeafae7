package org.tandem.data;

import java.time.Instant;
import java.util.Map;
import org.tandem.protocols.observer.ObserverKind;

/**
 * One stored session as listed by {@link TandemStore#sessions()}.
 *
 * @param participant   the pseudonymous participant code, null for model sessions
 * @param trialsDone    trials recorded so far
 * @param trialsPlanned trials in the stored plan
 * @param stationInfo   host name, OS, Java version and whatever the runner added
 * @param endedAt       null while running
 */
public record SessionSummary(String sessionId, String study, String protocolId, String protocolSha256, String variant,
                             ObserverKind observerKind, String observerId, String participant, long seed,
                             SessionStatus status, int trialsDone, int trialsPlanned, String planSha256, String host,
                             Map<String, String> stationInfo, Instant startedAt, Instant endedAt) {
    public SessionSummary {
        stationInfo = Map.copyOf(stationInfo);
    }
}
