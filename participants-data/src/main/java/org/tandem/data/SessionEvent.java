package org.tandem.data;

import java.time.Instant;

/**
 * Something that happened to a session besides its trials (started, resumed, finished, a break, a lost window, ...).
 *
 * @param detailJson a JSON value, or null
 */
public record SessionEvent(long id, String sessionId, Instant at, String kind, String detailJson) {
}
