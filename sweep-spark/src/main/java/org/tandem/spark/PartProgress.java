package org.tandem.spark;

import java.io.PrintStream;
import org.tandem.engine.sweep.SweepRunner;

/**
 * A line on the executor's stderr per cell a task finishes: the progress of a long sweep, readable in the executor logs
 * (or on the console in local mode) while the driver waits for whole parts.
 */
final class PartProgress implements SweepRunner.Listener {
    private final int part;
    private final PrintStream out;

    PartProgress(int part, PrintStream out) {
        this.part = part;
        this.out = out;
    }

    @Override
    public void planned(int cells, int cellsToRun, long trialsToRun) {
    }

    @Override
    public void trialStored() {
    }

    @Override
    public void cellFinished(SweepRunner.CellResult result) {
        out.println(CellLine.of(-1, part, result));
    }
}
