package org.tandem.spark;

import java.io.Serializable;
import java.util.List;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.observer.spec.ObserverSpec;

/**
 * One sweep cell as it travels to an executor: plain strings and numbers (Java-serialisable), turned back into a
 * one-cell {@link SweepGrid} there, so the executor runs it with the same {@code SweepRunner} as {@code tandem sweep}.
 *
 * @param index    the cell's place in the grid
 * @param observer the observer's canonical spec
 */
record PartCell(int index, String protocol, String observer, long seed, String rule, double temperature,
                String variant) implements Serializable {

    static PartCell of(int index, SweepCell cell) {
        return new PartCell(index, cell.protocol(), cell.observer().toString(), cell.seed(), cell.rule(),
                cell.temperature(), cell.variant());
    }

    /** The grid of this cell alone; its one cell has the key the driver saw (checked, as the key finds the session). */
    SweepGrid grid(String study, String key) {
        SweepGrid grid = new SweepGrid(study, List.of(protocol), List.of(ObserverSpec.parse(observer)), List.of(seed),
                List.of(rule), temperature, variant);
        String rebuilt = grid.cells().get(0).key();
        if (!rebuilt.equals(key)) {
            throw new IllegalStateException("sweep cell " + key + " came back as " + rebuilt);
        }
        return grid;
    }
}
