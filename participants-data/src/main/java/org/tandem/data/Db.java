package org.tandem.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/**
 * The one connection of an open store, and the rule that makes writes durable.
 *
 * <p>Every write runs in one transaction. With {@code WRITE_DELAY=0} (see {@link H2Connector}) the JDBC commit writes the
 * transaction to the database file before it returns, so it survives a kill of the process; the store then issues
 * {@code CHECKPOINT SYNC}, which fsyncs the file, so it also survives a power loss. Only then does {@link #write} return.
 * H2's default (WRITE_DELAY 500 ms, background writer) keeps committed changes in memory for up to half a second: a SIGKILL
 * then loses them. Measured costs are in this module's README: the fsync roughly doubles a sub-millisecond commit, far
 * below the 20 ms a trial could afford, so the store always pays it.
 *
 * <p>All access is serialised on this object, so the runner may commit trials from a writer thread.
 */
final class Db implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    /** A unit of work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final StoreLocation location;
    private boolean closed;

    Db(Connection connection, StoreLocation location) {
        this.connection = connection;
        this.location = location;
    }

    StoreLocation location() {
        return location;
    }

    /** Runs {@code work} in a transaction, commits it and makes it durable before returning. */
    synchronized <T> T write(String what, Work<T> work) {
        T result = transaction(what, work);
        sync(what);
        return result;
    }

    /** Runs {@code work} in a read-only transaction. */
    synchronized <T> T read(String what, Work<T> work) {
        return transaction(what, work);
    }

    private <T> T transaction(String what, Work<T> work) {
        checkOpen();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw failure(what, e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    /** Writes and fsyncs everything committed so far. */
    synchronized void sync(String what) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new TandemException("cannot write " + what + " to " + location.dbFile() + " durably ("
                    + H2Connector.firstLine(e) + "); check free disk space and the file system", e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed on {}: {}", location.dbFile(), e.getMessage());
        }
    }

    private TandemException failure(String what, SQLException e) {
        return new TandemException("cannot " + what + " in " + location.dbFile() + ": " + H2Connector.firstLine(e), e);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + location.dbFile() + " is closed");
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new TandemException("cannot close database " + location.dbFile() + ": " + H2Connector.firstLine(e), e);
        }
    }
}
