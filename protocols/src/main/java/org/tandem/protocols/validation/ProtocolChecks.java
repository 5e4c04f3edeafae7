package org.tandem.protocols.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.StimulusVocabulary;

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
     * The checks a schema cannot express: cross-references between fields, the trial count of the protocol and of each
     * variant, and (given a vocabulary) the references to built-in stimuli. They also run on a document the schema
     * rejected, as far as it could be read, so that one round of fixes suffices; there a check that trips over what the
     * schema already reported is skipped.
     *
     * @param removed    members the reader left out to bind the document (values the schema rejected); a problem reported
     *                   at the object that held one (e.g. "needs a 'key'") is a consequence of leaving it out, not a finding
     * @param vocabulary what the built-in stimulus sets can show, or null to leave stimulus references unchecked
     */
    public void semantics(Protocol protocol, List<String> removed, StimulusVocabulary vocabulary) {
        BiConsumer<String, String> report = (pointer, message) -> reportSemantic(pointer, message, removed);
        SemanticChecks.check(protocol, report, schemaFailed);
        leniently(() -> TrialCountCheck.check(protocol, report));
        if (vocabulary != null) {
            // a level already reported (e.g. not the expression of any label) needs no second opinion from the set
            leniently(() -> StimulusReferenceChecks.check(protocol, vocabulary, (pointer, message) -> {
                if (problems.stream().noneMatch(p -> p.path().equals(JsonPaths.display(pointer)))) {
                    report.accept(pointer, message);
                }
            }));
        }
    }

    /**
     * Whether each run-length limit alone can be met in every block, in the protocol and each variant; made only on a
     * document with no other problem, since the counts behind it assume a consistent design within the trial limit.
     */
    public void orderability(Protocol protocol) {
        if (problems.isEmpty()) {
            OrderabilityCheck.check(protocol, this::report);
        }
    }

    /** One problem of a document, at its place: for what is found after reading, e.g. by the planner. */
    public static InvalidProtocolException problemAt(String json, String source, String pointer, String message) {
        ProtocolChecks checks = forDocument(json);
        checks.report(pointer, message);
        return new InvalidProtocolException(source, checks.problems);
    }

    /** Runs a check; on a document the schema rejected, one that trips over a missing part is skipped. */
    private void leniently(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            if (!schemaFailed) {
                throw e;
            }
        }
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
