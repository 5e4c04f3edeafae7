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
 * <p>A store opened for reading has no {@link Sealer}: its connection is read-only in H2 as well, and {@link #write}
 * refuses. A store opened for writing counts each write transaction ({@link StoreState}) and, once the transaction is
 * durable, writes the new count into the seal beside the file ({@link StoreSeal}).
 *
 * <p>Every write runs in one transaction. With {@code WRITE_DELAY=0} (see {@link H2Connector}) the JDBC commit writes the
 * transaction to the database file before it returns, so it survives a kill of the process; the store then issues
 * {@code CHECKPOINT SYNC}, which fsyncs the file, so it also survives a power loss. Only then does {@link #write} return.
 * H2's default (WRITE_DELAY 500 ms, background writer) keeps committed changes in memory for up to half a second: a SIGKILL
 * then loses them. Measured costs are in this module's README: the fsync roughly doubles a sub-millisecond commit, far
 * below the 20 ms a trial could afford, so the store always pays it.
 *
 * <p>On a lab server ({@link #onServer}) there is no seal and no fsync to issue: {@link PgConnector} has every connection
 * commit synchronously, so the commit is the durable point; a write that loses a race with another station is run again.
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
    private final Sealer sealer;
    private final boolean writable;
    private boolean closed;
    private static final int SERVER_ATTEMPTS = 3;

    /** @param sealer null for a store file opened for reading */
    Db(Connection connection, StoreLocation location, Sealer sealer) {
        this(connection, location, sealer, sealer != null);
    }

    private Db(Connection connection, StoreLocation location, Sealer sealer, boolean writable) {
        this.connection = connection;
        this.location = location;
        this.sealer = sealer;
        this.writable = writable;
    }

    /**
     * A lab server's database: no seal (there is no file to cut short; the server keeps its own log), and a commit is
     * durable when it returns ({@link PgConnector} insists on synchronous commit).
     */
    static Db onServer(Connection connection, StoreLocation location, boolean writable) {
        return new Db(connection, location, null, writable);
    }

    /**
     * A second connection to this open H2 file, for reading while this one goes on writing: H2 shares one open database
     * among the connections of a process, and this one reads a snapshot (its transactions see the file as it was when
     * they began, whatever is committed meanwhile).
     */
    Db readerBeside(String password) {
        if (location.onServer()) {
            throw new IllegalStateException("a store on a server is read through its own connection");
        }
        checkOpen();
        Connection reader = H2Connector.connect(location, password, false, SealFile.read(location));
        try (Statement s = reader.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            reader.setReadOnly(true);
        } catch (SQLException e) {
            try {
                reader.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw failure("read " + location.name() + " beside its writer", e);
        }
        return new Db(reader, location, null);
    }

    boolean readOnly() {
        return !writable;
    }

    StoreLocation location() {
        return location;
    }

    /** Runs {@code work} in a transaction, commits it and makes it durable before returning. */
    synchronized <T> T write(String what, Work<T> work) {
        if (!writable) {
            throw new IllegalStateException("the store " + location.name() + " was opened for reading; cannot " + what);
        }
        long[] writes = new long[1];
        T result = transaction(what, c -> {
            T r = work.run(c);
            writes[0] = StoreState.increment(c);
            return r;
        }, location.onServer() ? SERVER_ATTEMPTS : 1);
        sync(what);
        if (sealer != null) {
            sealer.seal(writes[0]);
        }
        return result;
    }

    /**
     * The connection of a store opened for reading, read alongside another store's transaction (a merge reads its
     * sources inside the target's); failures are then reported by that transaction. Only H2's reads are possible on it.
     */
    synchronized Connection readingConnection() {
        if (writable) {
            throw new IllegalStateException("the store " + location.name() + " is open for writing");
        }
        checkOpen();
        return connection;
    }

    /** Runs {@code work} in a read-only transaction. */
    synchronized <T> T read(String what, Work<T> work) {
        return transaction(what, work, 1);
    }

    /**
     * @param attempts on a server, other stations write at the same time: a transaction that loses a race (both add
     *                 the same new study or protocol, say) is rolled back and run again, which then finds the row the
     *                 other added. A real duplicate (a trial recorded twice) fails the same way every time
     */
    private <T> T transaction(String what, Work<T> work, int attempts) {
        checkOpen();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            if (attempts > 1 && lostRace(e)) {
                LOG.debug("{} met a concurrent writer on {} ({}); again", what, location.name(), e.getSQLState());
                return transaction(what, work, attempts - 1);
            }
            throw failure(what, e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    /** Writes and fsyncs everything committed so far (on a server, the commit itself did). */
    synchronized void sync(String what) {
        if (location.onServer()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw StoreErrors.writeFailure("write " + what + " to " + location.name() + " durably", e);
        }
    }

    /** A unique key taken meanwhile by another writer, or a serialisation failure or deadlock the server broke. */
    private static boolean lostRace(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.equals("23505") || state.equals("40001") || state.equals("40P01");
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // after a failed write (a full disk) H2 has closed the database; the failure itself is what gets reported
            LOG.debug("rollback failed on {}: {}", location.name(), e.getMessage());
        }
    }

    private TandemException failure(String what, SQLException e) {
        if (location.onServer() && PgConnector.unreachable(e)) {
            return PgConnector.unreachable(location.server(), e);
        }
        if (StoreErrors.diskFull(e)) {
            return StoreErrors.writeFailure(what + " in " + location.name(), e);
        }
        if (StoreErrors.damage(e)) {
            return new TandemException(location.name() + " is damaged: cannot " + what + " (" + StoreErrors.reason(e)
                    + "). Run `tandem db check --db " + location.name() + "` and restore it from a backup", e);
        }
        return new TandemException("cannot " + what + " in " + location.name() + ": " + StoreErrors.reason(e), e);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + location.name() + " is closed");
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
            if (sealer != null) {
                sealer.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new TandemException("cannot close database " + location.name() + ": " + H2Connector.firstLine(e), e);
        }
    }
}
