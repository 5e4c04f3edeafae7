package org.tandem.stimuli.folder;

import java.util.List;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** A stimulus set that cannot be used; the message lists every problem with its file (and manifest line). */
public class InvalidStimulusSetException extends TandemException {
    private final transient SetReport report;

    public InvalidStimulusSetException(SetReport report) {
        super(render(report));
        this.report = report;
    }

    public SetReport report() {
        return report;
    }

    public List<SetProblem> problems() {
        return report.problems();
    }

    private static String render(SetReport report) {
        int n = report.problems().size();
        String header = "stimulus set '" + report.name() + "' at " + report.root() + ": " + n
                + (n == 1 ? " problem" : " problems") + " (fix them and check again with: tandem stimuli check "
                + report.root() + ")";
        return report.problems().stream().map(p -> "  " + p.describe())
                .collect(Collectors.joining("\n", header + "\n", ""));
    }
}
