package org.tandem.data;

/**
 * Which sessions (and their trials) to list or export; a null field does not filter.
 *
 * @param study      study name
 * @param protocolId protocol id
 * @param sessionId  one session
 */
public record SessionFilter(String study, String protocolId, String sessionId) {
    public static SessionFilter all() {
        return new SessionFilter(null, null, null);
    }

    public static SessionFilter study(String study) {
        return new SessionFilter(study, null, null);
    }

    public static SessionFilter protocol(String protocolId) {
        return new SessionFilter(null, protocolId, null);
    }

    public static SessionFilter session(String sessionId) {
        return new SessionFilter(null, null, sessionId);
    }
}
