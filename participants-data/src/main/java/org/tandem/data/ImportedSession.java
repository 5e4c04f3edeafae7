package org.tandem.data;

import java.util.List;
import java.util.Objects;
import org.tandem.protocols.observer.Response;

/**
 * A finished session recorded elsewhere (PsychoPy, jsPsych, ...) and stored whole: its plan is the trials as they were
 * run there, one response per planned trial.
 *
 * @param session     the session, observer kind human, its plan the imported trials in their order
 * @param responses   the answer to each planned trial, in plan order
 * @param detailJson  what the {@code imported} event records: the tool, the file, its SHA-256 and the column mapping
 */
public record ImportedSession(NewSession session, List<Response> responses, String detailJson) {
    public ImportedSession {
        Objects.requireNonNull(session, "session");
        responses = List.copyOf(responses);
        if (responses.size() != session.plan().size()) {
            throw new IllegalArgumentException(responses.size() + " responses for a plan of " + session.plan().size()
                    + " trials");
        }
    }
}
