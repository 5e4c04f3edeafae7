package org.tandem.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.engine.sweep.SweepGrid;

/**
 * Splits a grid's cells into part files, the same way on every run: a cell whose session a part file already holds
 * stays there (so a rerun resumes it rather than starting it twice), any other goes to part (cell index mod N).
 */
final class PartAssignment {
    private PartAssignment() {
    }

    /** The work of each part that has cells, by part number. */
    static List<PartWork> of(SweepGrid grid, Path dir, int partitions) {
        Map<String, Integer> stored = PartFiles.storedCells(dir, grid.study());
        List<SweepCell> cells = grid.cells();
        Map<Integer, List<Integer>> byPart = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            int part = stored.getOrDefault(cells.get(i).key(), i % partitions);
            byPart.computeIfAbsent(part, p -> new ArrayList<>()).add(i);
        }
        List<PartWork> work = new ArrayList<>();
        byPart.forEach((part, indices) -> work.add(new PartWork(part,
                dir.resolve(PartFiles.name(part)).toAbsolutePath().toString(), grid.study(), grid.protocols(),
                indices.stream().map(i -> PartCell.of(i, cells.get(i))).toList(),
                indices.stream().map(i -> cells.get(i).key()).toList())));
        return work;
    }
}
