package org.tandem.engine.sweep;

import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.readout.TrainingProgress;

/** What a sweep does with one cell: start its session, or resume the one a stopped run left. */
record CellJob(int index, SweepCell cell, SweepProtocols.Resolved protocol, ModelSessionRunner.Request start,
               SessionSummary resume) {

    static CellJob start(int index, SweepCell cell, String study, SweepProtocols.Resolved protocol) {
        String variant = ModelSessionRunner.Request.defaultVariant(protocol.protocol(), cell.variant());
        ModelSessionRunner.Request request = ModelSessionRunner.Request.of(study, protocol.source(),
                protocol.protocol(), variant, cell.observer(), cell.seed(), cell.rule(), cell.temperature())
                .withFact(SweepCell.FACT, cell.key());
        return new CellJob(index, cell, protocol, request, null);
    }

    static CellJob resume(int index, SweepCell cell, SessionSummary stored, SweepProtocols.Resolved protocol) {
        return new CellJob(index, cell, protocol, null, stored);
    }

    int trialsToRun() {
        return start != null ? start.plan().size() : resume.trialsPlanned() - resume.trialsDone();
    }

    SweepRunner.CellResult run(TandemStore store, SyntheticFaceCrops builtInCrops, TrainingProgress training,
                               SessionProgress progress) {
        ModelSessionRunner runner = new ModelSessionRunner(store, protocol.library(), builtInCrops);
        ModelSessionRunner.Result result = start != null ? runner.run(start, training, progress)
                : runner.resume(resume, protocol.protocol(), training, progress);
        return new SweepRunner.CellResult(cell, result.sessionId(),
                start != null ? SweepRunner.Outcome.STARTED : SweepRunner.Outcome.RESUMED, trialsToRun(),
                result.predictionsFound(), result.predictionsComputed());
    }
}
