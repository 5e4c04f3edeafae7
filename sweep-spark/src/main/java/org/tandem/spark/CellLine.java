package org.tandem.spark;

import java.io.Serializable;
import java.util.Locale;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.sweep.SweepRunner;

/** What a task did with one cell, sent back to the driver (Java-serialisable) and printed there as one line. */
record CellLine(int index, int part, String key, String sessionId, String outcome, int trialsRun,
                long predictionsFound, long predictionsComputed) implements Serializable {

    static CellLine of(int index, int part, SweepRunner.CellResult result) {
        return new CellLine(index, part, result.cell().key(), result.sessionId(),
                result.outcome().name().toLowerCase(Locale.ROOT), result.trialsRun(), result.predictionsFound(),
                result.predictionsComputed());
    }

    boolean alreadyDone() {
        return SweepRunner.Outcome.ALREADY_DONE.name().toLowerCase(Locale.ROOT).equals(outcome);
    }

    @Override
    public String toString() {
        return sessionId + "  " + outcome + "  " + trialsRun + " trials  " + PartFiles.name(part) + "  " + key + "  "
                + ModelSessionRunner.predictions(predictionsFound, predictionsComputed);
    }
}
