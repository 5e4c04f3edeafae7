package org.tandem.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * Merges the sessions of other store files into one ({@code tandem db merge}). Every source is opened read-only and so
 * checked whole first; an existing target is checked too, and the whole merge is first worked out against it read-only,
 * so a refused merge (or one with nothing new) never opens the target for writing. The merge itself is one
 * transaction: every source is merged, or, on any refusal, none.
 */
final class StoreMerge {
    private StoreMerge() {
    }

    static List<MergeSummary> merge(StoreOptions target, List<StoreOptions> sources) {
        if (sources.isEmpty()) {
            throw new TandemException("no store files to merge; give one or more SOURCE.mv.db");
        }
        StoreLocation into = StoreLocation.of(target);
        List<TandemStore> opened = new ArrayList<>();
        try {
            for (StoreOptions source : sources) {
                opened.add(openSource(source, into));
            }
            TandemStore existing = existingTarget(target, into);
            if (existing != null) {
                try (TandemStore reading = existing) {
                    List<MergeSummary> planned = reading.db().read("work out the merge", c -> mergeAll(opened, c,
                            reading.name(), false));
                    if (planned.stream().noneMatch(MergeSummary::changesTarget)) {
                        return planned;
                    }
                }
            }
            try (TandemStore writing = TandemStore.open(target)) {
                return writing.db().write("merge " + opened.size() + " store(s)", c -> mergeAll(opened, c,
                        writing.name(), true));
            }
        } finally {
            opened.forEach(TandemStore::close);
        }
    }

    /**
     * Sends the sessions {@code only} (all when empty) of an open store to {@code target}, in one transaction of the
     * target's; used by a station that pushes to its lab server while it runs. The source is read through its own
     * snapshot, so the station's next trial never waits for the network.
     */
    static MergeSummary push(TandemStore target, TandemStore source, java.util.Set<String> only) {
        Connection from = source.db().readingConnection();
        return target.db().write("push " + (only.isEmpty() ? "the sessions" : "session " + String.join(", ", only))
                + " of " + source.name(), c -> new SessionMerge(from, source.name(), c, target.name(), true, only)
                .run().withPredictions(PredictionMerge.copy(from, c, true)));
    }

    /** The target as it stands, opened read-only, or null where there is none yet (a missing file, an empty database). */
    private static TandemStore existingTarget(StoreOptions target, StoreLocation into) {
        if (!into.onServer()) {
            return Files.exists(into.dbFile()) ? TandemStore.openForReading(target) : null;
        }
        try {
            return TandemStore.openForReading(target);
        } catch (ServerStoreOpener.NoStoreYet empty) {
            return null;
        }
    }

    private static List<MergeSummary> mergeAll(List<TandemStore> sources, Connection target, String targetName,
                                               boolean write) throws SQLException {
        List<MergeSummary> summaries = new ArrayList<>();
        for (TandemStore source : sources) {
            Connection from = source.db().readingConnection();
            summaries.add(new SessionMerge(from, source.name(), target, targetName, write).run()
                    .withPredictions(PredictionMerge.copy(from, target, write)));
        }
        return summaries;
    }

    private static TandemStore openSource(StoreOptions source, StoreLocation target) {
        if (source.onServer() || target.onServer()) {
            if (source.onServer() && target.onServer() && source.server().equals(target.server())) {
                throw new TandemException("cannot merge " + source.name() + " into itself");
            }
            return TandemStore.openForReading(source);
        }
        StoreLocation from = StoreLocation.of(source.path());
        if (!Files.exists(from.dbFile())) {
            throw new TandemException("no Tandem database at " + from.dbFile() + "; give the store files to merge");
        }
        if (sameFile(from, target)) {
            throw new TandemException("cannot merge " + from.dbFile() + " into itself; give another --db or leave it"
                    + " out of the sources");
        }
        return TandemStore.openForReading(source);
    }

    private static boolean sameFile(StoreLocation a, StoreLocation b) {
        if (a.dbFile().equals(b.dbFile())) {
            return true;
        }
        try {
            return Files.exists(b.dbFile()) && Files.isSameFile(a.dbFile(), b.dbFile());
        } catch (IOException e) {
            throw new TandemException("cannot compare " + a.dbFile() + " with " + b.dbFile() + " (" + e.getMessage()
                    + ")", e);
        }
    }
}
