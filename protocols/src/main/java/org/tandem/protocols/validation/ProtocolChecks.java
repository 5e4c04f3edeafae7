package org.tandem.protocols.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tandem.protocols.Protocol;

/** Collects the problems of one protocol document, each placed at its line and column. */
public final class ProtocolChecks {
    private final JsonLocations locations;
    private final List<Problem> problems = new ArrayList<>();

    private ProtocolChecks(JsonLocations locations) {
        this.locations = locations;
    }

    public static ProtocolChecks forDocument(String json) {
        return new ProtocolChecks(JsonLocations.index(json));
    }

    /** Records a problem at a JSON Pointer. */
    public void report(String pointer, String message) {
        Problem problem = locations.problem(pointer, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The checks a schema cannot express (cross-references between fields). */
    public void semantics(Protocol protocol) {
        SemanticChecks.check(protocol, this::report);
    }

    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            Collections.sort(sorted);
            throw new InvalidProtocolException(source, sorted);
        }
    }
}
