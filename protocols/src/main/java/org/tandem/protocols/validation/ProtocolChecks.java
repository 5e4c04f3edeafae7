package org.tandem.protocols.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tandem.protocols.Protocol;

/** Collects the problems of one protocol document, each placed at its line and column. */
public final class ProtocolChecks {
    private final JsonLocations locations;
    private final List<Problem> problems = new ArrayList<>();
    /** Pointers of values the schema rejected: semantic problems at or under them would only repeat the schema's. */
    private final List<String> rejectedValues = new ArrayList<>();
    private boolean schemaFailed;

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

    /**
     * Records a problem the JSON Schema found.
     *
     * @param aboutValue true when the value at the pointer itself is wrong (type, pattern, range), false when something is
     *                   missing from it (a required member is reported at the object that lacks it)
     */
    public void reportSchema(String pointer, String message, boolean aboutValue) {
        schemaFailed = true;
        if (aboutValue) {
            rejectedValues.add(pointer);
        }
        report(pointer, message);
    }

    /**
     * The checks a schema cannot express (cross-references between fields). They also run on a document the schema
     * rejected, as far as it could be read, so that one round of fixes suffices; there a check that trips over what the
     * schema already reported is skipped.
     *
     * @param removed members the reader left out to bind the document (values the schema rejected); a problem reported at
     *                the object that held one (e.g. "needs a 'key'") is a consequence of leaving it out, not a finding
     */
    public void semantics(Protocol protocol, List<String> removed) {
        SemanticChecks.check(protocol, (pointer, message) -> reportSemantic(pointer, message, removed), schemaFailed);
    }

    private void reportSemantic(String pointer, String message, List<String> removed) {
        for (String rejected : rejectedValues) {
            if (pointer.equals(rejected) || pointer.startsWith(rejected + "/")) {
                return;
            }
        }
        for (String member : removed) {
            if (member.startsWith(pointer + "/") && member.indexOf('/', pointer.length() + 1) < 0) {
                return;
            }
        }
        report(pointer, message);
    }

    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            Collections.sort(sorted);
            throw new InvalidProtocolException(source, sorted);
        }
    }
}
