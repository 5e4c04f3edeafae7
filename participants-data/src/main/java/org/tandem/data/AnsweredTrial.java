package org.tandem.data;

import java.util.Objects;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;

/** A planned trial with the response it got, ready to be stored. */
public record AnsweredTrial(Trial trial, Response response) {
    public AnsweredTrial {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(response, "response");
    }
}
