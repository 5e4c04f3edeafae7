package org.tandem.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;
import org.tandem.observer.nn.DjlEngine;

/**
 * Runs one part's cells inside an executor, one after another, into the part's own store file. Parallelism is Spark's
 * (one task per core): each task runs one session at a time with one PyTorch thread.
 */
final class PartTask implements Function<PartWork, List<CellLine>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<CellLine> call(PartWork work) {
        // DJL reads its settings once per JVM, when the engine starts: start it here, offline and with one thread,
        // before anything in the executor could start it otherwise (DjlEngine keeps -D choices made for the executor).
        LibraryLogs.quiet();
        DjlEngine.engine(DjlEngine.ENGINE);
        SweepProtocols protocols = SweepProtocols.read(work.protocols());
        List<CellLine> lines = new ArrayList<>();
        try (TandemStore store = TandemStore.open(StoreOptions.at(work.path()))) {
            SweepRunner runner = new SweepRunner(store, protocols, SyntheticFaceCrops.defaults(), 1);
            PartProgress progress = new PartProgress(work.part(), System.err);
            for (int i = 0; i < work.cells().size(); i++) {
                PartCell cell = work.cells().get(i);
                SweepRunner.CellResult result = runner.run(cell.grid(work.study(), work.keys().get(i)), progress)
                        .get(0);
                lines.add(CellLine.of(cell.index(), work.part(), result));
            }
        }
        return lines;
    }
}
