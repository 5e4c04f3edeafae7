package org.tandem.engine.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;

/**
 * Reads the overview for each request, opening the database just for the read. An H2 file is locked by whichever
 * process has it open, so holding it would keep a station from starting; while a station (or any other Tandem command)
 * has it open, the last overview read is served with a note instead.
 */
final class OverviewReader {
    /** What the message of a store opened by another process says (see the store's H2 connector). */
    static final String IN_USE = "in use by another Tandem process";
    static final String IN_USE_NOTE = "the database is in use by a running session or another Tandem command;"
            + " the dashboard reads it again as soon as it is free";

    /**
     * Requests closer together than this share one read: several open pages then open the file no more often than one,
     * which keeps short the moments in which a station starting would find it locked.
     */
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(2);

    private final StoreOptions store;
    private final Supplier<Overview.Report> report;
    private Overview last;
    private Instant lastAttempt;

    OverviewReader(StoreOptions store, Supplier<Overview.Report> report) {
        this.store = store;
        this.report = report;
    }

    /**
     * Fails now, not in the page, for a database that is missing or will not open (a wrong password, say); one in use
     * by a station is fine: showing it is what the dashboard is for.
     */
    static void checkReadable(StoreOptions store) {
        try (TandemStore opened = TandemStore.openForReading(store)) {
            opened.studies();
        } catch (TandemException e) {
            if (!inUse(e)) {
                throw e;
            }
        }
    }

    private static boolean inUse(TandemException e) {
        return e.getMessage() != null && e.getMessage().contains(IN_USE);
    }

    /** The overview now, or the last one read with why the database cannot be read. Never throws for the store. */
    synchronized Overview overview() {
        Instant now = Instant.now();
        if (last != null && last.unavailable() == null && lastAttempt != null
                && Duration.between(lastAttempt, now).compareTo(MIN_INTERVAL) < 0) {
            return last;
        }
        lastAttempt = now;
        Overview.Report currentReport = report.get();
        String database = store.name();
        try (TandemStore opened = TandemStore.openForReading(store)) {
            last = Overview.read(opened, database, currentReport);
        } catch (TandemException e) {
            String why = inUse(e) ? IN_USE_NOTE : e.getMessage();
            last = last == null ? Overview.none(database, why, currentReport) : last.unavailable(why, currentReport);
        }
        return last;
    }
}
