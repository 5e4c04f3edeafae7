package org.tandem.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/**
 * Shrinks a store file offline. Because every trial is written to the file as it is committed, and the store turns off
 * H2's in-place compaction on close (see {@link H2Connector}), the file grows by a few KiB per trial (more when trials are
 * committed faster than H2 frees old space, as in model runs). Compaction copies the live data into a new file and
 * renames it over the old one ({@code SHUTDOWN COMPACT}), so an interruption leaves the old file intact.
 *
 * <p>Run it when no process, this one included, has the store open.
 */
public final class StoreCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

    private StoreCompaction() {
    }

    /** The file and its size before and after. */
    public record Result(Path file, long bytesBefore, long bytesAfter) {
    }

    public static Result compact(StoreOptions options) {
        if (options.onServer()) {
            throw new TandemException("cannot compact " + options.name() + ": a lab server reclaims space itself"
                    + " (autovacuum)");
        }
        StoreLocation location = StoreLocation.of(options.path());
        long before = size(location.dbFile());
        if (before == 0) {
            throw new TandemException("no database at " + location.dbFile() + "; nothing to compact, check --db");
        }
        StoreOpener.open(options, false).close(); // a damaged file is refused, never compacted into a smaller one
        Connection connection = H2Connector.connect(location, options.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new TandemException("cannot compact " + location.dbFile() + " (" + H2Connector.firstLine(e)
                    + "); the file is unchanged, check free disk space and try again", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the shutdown has closed it
            }
            OwnerOnlyFiles.restrictStoreFiles(location);
            OwnerOnlyFiles.syncDirectory(location.directory()); // the rename of the compacted file
        }
        long after = size(location.dbFile());
        LOG.info("compacted {} from {} to {} bytes", location.dbFile(), before, after);
        return new Result(location.dbFile(), before, after);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new TandemException("cannot read " + file + " (" + e.getMessage() + "); check that you own it", e);
        }
    }
}
