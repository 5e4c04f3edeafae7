package org.tandem.protocols.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** A protocol file with problems; the message lists every one of them with its place in the file. */
public class InvalidProtocolException extends TandemException {
    private final String source;
    private final List<Problem> problems;

    public InvalidProtocolException(String source, List<Problem> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem is one line; several are a header line and one line each. */
    private static String render(String source, List<Problem> problems) {
        String again = "validate again with: tandem protocol validate " + source;
        if (problems.size() == 1) {
            return source + ": " + problems.get(0).describe() + " (fix it and " + again + ")";
        }
        String header = source + ": " + problems.size() + " problems (fix them and " + again + ")";
        return problems.stream().map(p -> "  " + source + ": " + p.describe())
                .collect(Collectors.joining("\n", header + "\n", ""));
    }
}
