package org.tandem.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What one Spark task does: run these cells into this part file. Paths travel as strings (a {@code Path} is not
 * serialisable); on a cluster the folder is on a filesystem every worker shares.
 *
 * @param keys the cells' keys, in the order of {@code cells}
 */
record PartWork(int part, String file, String study, List<String> protocols, List<PartCell> cells, List<String> keys)
        implements Serializable {

    PartWork {
        protocols = List.copyOf(protocols);
        cells = List.copyOf(cells);
        keys = List.copyOf(keys);
    }

    Path path() {
        return Path.of(file);
    }
}
