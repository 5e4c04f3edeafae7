package org.tandem.engine.session;

import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;

/** Told after each trial is durably stored: drives progress bars and lets tests know what is safe on disk. */
@FunctionalInterface
public interface SessionProgress {
    SessionProgress NONE = (trial, response, done, total) -> { };

    /**
     * @param done  trials of the session stored so far, including those of earlier runs of a resumed session
     * @param total trials in the plan
     */
    void committed(Trial trial, Response response, int done, int total);
}
