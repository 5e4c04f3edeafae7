package org.tandem.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.TandemHome;
import org.tandem.protocols.observer.PredictionCache;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * The session store: an embedded H2 file database, or a lab server's PostgreSQL database ({@link StoreOptions#of}),
 * holding studies, protocols, participants, sessions, their trials and events.
 *
 * <p>Every write is durable when its method returns (committed, written and fsynced; see {@link Db}). The database file is
 * locked while the store is open: a second process gets a clear error at once. Methods may be called from any thread; they
 * are serialised. Errors a user can cause are {@link TandemException}s with a one-line message.
 */
public final class TandemStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TandemStore.class);

    private final Db db;
    private final boolean encrypted;
    private final String password;
    private final SessionLifecycle lifecycle;
    private final TrialWriter trialWriter;
    private final StoredPredictions predictions;

    private TandemStore(Db db, String password) {
        this.db = db;
        this.encrypted = password != null;
        this.password = password;
        StoredPlans plans = new StoredPlans(db.location());
        this.lifecycle = new SessionLifecycle(db.location(), plans);
        this.trialWriter = new TrialWriter(db.location(), plans);
        this.predictions = new StoredPredictions(db.location());
    }

    /** {@code $TANDEM_HOME/tandem.mv.db} when {@code TANDEM_HOME} is set, else {@code ~/.tandem/tandem.mv.db}. */
    public static Path defaultPath() {
        return TandemHome.database();
    }

    /**
     * Opens the store for reading and writing, creating the database (and its directory, owner-only) only where no file
     * exists, and brings its schema up to date. An existing file is first checked whole, read-only; a damaged one is
     * refused and left exactly as it was.
     *
     * @throws TandemException when the database is in use by another process, the password is wrong or missing, or the
     *                         file is damaged or not a Tandem database
     */
    public static TandemStore open(StoreOptions options) {
        Objects.requireNonNull(options, "options");
        Db db = StoreOpener.open(options, true);
        LOG.debug("opened {}{}", db.location().name(), options.encrypted() ? " (encrypted)" : "");
        return new TandemStore(db, options.password());
    }

    /**
     * Opens an existing store for reading only, after checking it whole: H2 opens the file read-only, so its bytes and
     * modification time stay as they were, even while the disk is full. Methods that write throw
     * {@link IllegalStateException}.
     *
     * @throws TandemException when there is no database at the path, or as {@link #open}
     */
    public static TandemStore openForReading(StoreOptions options) {
        Objects.requireNonNull(options, "options");
        Db db = StoreOpener.open(options, false);
        LOG.debug("opened {} for reading", db.location().name());
        return new TandemStore(db, options.password());
    }

    /**
     * Checks a store whole without changing it ({@code tandem db check}): H2 opens it read-only, then every row against
     * its check, every index against its table, the count of writes against the seal, each session's plan against its
     * hash and its trials against the plan (gaps, duplicates), and rows without their session. A file H2 cannot open at
     * all gives a report with that one problem.
     *
     * @throws TandemException when there is no file, or it is in use or encrypted with another password
     */
    public static IntegrityReport check(StoreOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.onServer()) {
            return ServerStoreOpener.check(options);
        }
        StoreLocation location = StoreLocation.of(options.path());
        if (!java.nio.file.Files.exists(location.dbFile())) {
            throw new TandemException("no Tandem database at " + location.dbFile() + "; give the --db to check");
        }
        SealFile.Reading seal = SealFile.read(location);
        Connection connection;
        try {
            connection = H2Connector.connect(location, options.password(), true, seal);
        } catch (TandemException e) {
            if (!e.getMessage().contains(" is damaged: ") && !e.getMessage().contains("its first block is damaged")) {
                throw e;
            }
            return new IntegrityReport(0, null, java.util.Map.of(), List.of(e.getMessage()), List.of());
        }
        try (Db db = new Db(connection, location, null)) {
            return StoreVerifier.verify(connection, seal, StoreVerifier.Depth.FULL);
        }
    }

    /**
     * Writes a consistent copy of the open store into {@code to} (a new {@code .zip}), while it stays open, and checks
     * the copy by opening it.
     */
    public BackupSummary backup(Path to) {
        refuseOnServer("back up");
        return StoreBackup.backup(db, to, password);
    }

    /** {@link #backup} into {@code dir} under a time-stamped name, keeping the newest {@code keep} backups there. */
    public BackupSummary backupInto(Path dir, int keep) {
        refuseOnServer("back up");
        return StoreBackup.backupInto(db, dir, keep, password);
    }

    /** Checks the database inside a backup, without restoring it. */
    public static BackupSummary checkBackup(Path backup, String password) {
        return StoreBackup.check(backup, password);
    }

    /**
     * Puts the database in a backup at {@code target}'s path, after checking it. An existing file there is refused
     * unless {@code replace}; then it is kept aside under a {@code .replaced-<time>} name, never deleted.
     */
    public static BackupSummary restore(Path backup, StoreOptions target, boolean replace) {
        return StoreBackup.restore(backup, target, replace);
    }

    /**
     * Brings the sessions of other store files into {@code target} ({@code tandem db merge}), by session id, with their
     * studies, protocol documents, participants, trials and events. A session the target holds as in a source is left
     * alone; one it holds with fewer trials (the source went on) gets the rest and the source's status; any other
     * difference is refused with one line, and nothing is merged. Sources are only read, each checked whole first; the
     * target is created when missing.
     *
     * @return one summary per source, in the order given
     * @throws TandemException when a source is missing, damaged or the target itself, or a session or participant
     *                         differs between a source and the target
     */
    public static List<MergeSummary> merge(StoreOptions target, List<StoreOptions> sources) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sources, "sources");
        return StoreMerge.merge(target, sources);
    }

    Db db() {
        return db;
    }

    /**
     * Sends sessions of this open store file to a lab server ({@code tandem run --push-to}, {@code tandem db push}), by
     * session id: a session the server lacks is added, one it holds fewer trials or events of is extended, one it holds
     * as here is left alone, and one it holds otherwise (the same id with another plan, say) is refused and nothing is
     * sent. Reads a snapshot of this store beside its writer, so trials can go on being committed meanwhile.
     *
     * @param sessionIds the sessions to send; empty for every session of the store
     * @throws TandemException when the server is out of reach or refuses
     */
    public MergeSummary pushTo(StoreOptions server, Set<String> sessionIds) {
        Objects.requireNonNull(server, "server");
        try (TandemStore lab = TandemStore.open(server)) {
            return pushTo(lab, sessionIds);
        }
    }

    /** {@link #pushTo(StoreOptions, Set)} into a server store already open for writing, which a station keeps open. */
    public MergeSummary pushTo(TandemStore server, Set<String> sessionIds) {
        Objects.requireNonNull(server, "server");
        if (onServer()) {
            throw new TandemException(name() + " is itself a lab server's database; push from a station's store file");
        }
        try (TandemStore reader = new TandemStore(db.readerBeside(password), password)) {
            return StoreMerge.push(server, reader, Set.copyOf(sessionIds));
        }
    }

    /** The database file ({@code .mv.db}); null for a store on a lab server (see {@link #name()}). */
    public Path path() {
        return db.location().dbFile();
    }

    /** How messages name this store: its file, or its server address. */
    public String name() {
        return db.location().name();
    }

    /** Whether this store is a lab server's database. */
    public boolean onServer() {
        return db.location().onServer();
    }

    private void refuseOnServer(String what) {
        if (onServer()) {
            throw new TandemException("cannot " + what + " " + name() + " with Tandem: a lab server is backed up by its"
                    + " own tools (pg_dump; see docs/LAB-SERVER.md)");
        }
    }

    public boolean encrypted() {
        return encrypted;
    }

    /** The id of the study with this name, created if new. */
    public long ensureStudy(String name) {
        return db.write("store study '" + name + "'", c -> Studies.ensure(c, name));
    }

    /** Study names, sorted. */
    public List<String> studies() {
        return db.read("list studies", c -> StoreQueries.strings(c, "SELECT name FROM study ORDER BY name"));
    }

    /** Stores a protocol document; storing the same hash again does nothing. */
    public void saveProtocol(String protocolId, String json, String sha256) {
        db.write("store protocol " + protocolId, c -> ProtocolDocuments.save(c, protocolId, json, sha256));
    }

    /**
     * The protocol document a session was planned from, by its content hash ({@link SessionSummary#protocolSha256()}),
     * exactly as stored; empty when no document has this hash.
     */
    public Optional<String> protocolDocument(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        return db.read("read protocol " + sha256, c -> ProtocolDocuments.json(c, sha256));
    }

    /**
     * Makes sure a participant with this pseudonymous code exists. Demographics, where given, replace the stored ones; null
     * leaves them unchanged.
     *
     * @throws TandemException when the code is not 1 to 32 letters, digits, '_' or '-'
     */
    public void ensureParticipant(String code, Demographics demographics) {
        Participants.checkCode(code);
        db.write("store participant " + code, c -> Participants.ensure(c, code, demographics));
    }

    /** The participant's demographics; empty when the code is unknown. */
    public Optional<Demographics> demographics(String code) {
        return db.read("read participant " + code, c -> Participants.demographics(c, code));
    }

    /** Records a new running session with its plan; returns the new session id (a UUID). */
    public String startSession(NewSession session) {
        Objects.requireNonNull(session, "session");
        PlanText plan = PlanText.of(session.plan());
        String sessionId = newSessionId();
        return db.write("start a session of " + session.protocolId(), c -> lifecycle.start(c, session, plan, sessionId));
    }

    /** A new session id, a random UUID: what {@link #startSessionWith} stores a session under. */
    public static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Records a new running session together with its first answered trials, in one transaction, and completes it as
     * well when {@code complete} (they are the last trials of its plan). A network's session is started this way: its
     * answers can be computed again, so it need not be stored before its first trials are, and one durable commit
     * replaces two or three. Until this returns, nothing of the session is stored.
     *
     * @param sessionId the id to store it under, from {@link #newSessionId()}
     * @return {@code sessionId}
     */
    public String startSessionWith(NewSession session, String sessionId, List<AnsweredTrial> firstTrials,
                                   boolean complete) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(firstTrials, "firstTrials");
        if (!sessionId.equals(UUID.fromString(sessionId).toString())) {
            throw new IllegalArgumentException("a session id is a UUID in its canonical form, not " + sessionId);
        }
        PlanText plan = PlanText.of(session.plan());
        TrialBlock block = firstTrials.size() > 1 ? TrialBlock.of(sessionId, firstTrials, trialColumns()) : null;
        return db.write("start a session of " + session.protocolId() + " with " + firstTrials.size() + " trials", c -> {
            lifecycle.start(c, session, plan, sessionId);
            writeTrials(c, sessionId, firstTrials, block, complete);
            return sessionId;
        });
    }

    /**
     * Stores sessions recorded elsewhere in one transaction: each is started, given every trial's response, completed and
     * marked with an {@code imported} event. Either all of them are stored or, on any error, none.
     *
     * @return the new session ids, in the order given
     */
    public List<String> importSessions(List<ImportedSession> sessions) {
        Objects.requireNonNull(sessions, "sessions");
        return db.write("import " + sessions.size() + " session(s)", c -> {
            List<String> ids = new java.util.ArrayList<>();
            for (ImportedSession imported : sessions) {
                String id = lifecycle.start(c, imported.session());
                for (Trial trial : imported.session().plan().trials()) {
                    trialWriter.commit(c, id, trial, imported.responses().get(trial.index()));
                }
                lifecycle.finish(c, id, SessionStatus.COMPLETED);
                lifecycle.recordEvent(c, id, "imported", imported.detailJson());
                ids.add(id);
            }
            return ids;
        });
    }

    /** Fails with one line when {@code code} is not a valid pseudonymous participant code. */
    public static void checkParticipantCode(String code) {
        Participants.checkCode(code);
    }

    /**
     * Records the observer's response to a trial of the session's stored plan. When this returns the trial is durable: it
     * survives a kill of the process and a power loss.
     *
     * @throws TandemException when the trial is already recorded, is not the planned trial at its index, or the session is
     *                         not running
     */
    public void commitTrial(String sessionId, Trial trial, Response response) {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(response, "response");
        db.write("record trial " + trial.index() + " of session " + sessionId,
                c -> {
                    trialWriter.commit(c, sessionId, trial, response);
                    return null;
                });
    }

    /**
     * Records several answered trials of the session's stored plan in one transaction: all of them are durable when this
     * returns, or none is. Network sessions commit a block at a time this way (a network's answers can be computed again,
     * a person's cannot); every trial is checked as {@link #commitTrial} checks it.
     *
     * @throws TandemException as {@link #commitTrial}, for the first trial that fails; then nothing is stored
     */
    public void commitTrials(String sessionId, List<AnsweredTrial> answered) {
        commitTrials(sessionId, answered, false);
    }

    /**
     * Records the last answered trials of a session and completes it, in one transaction (a network's session saves the
     * separate commit {@link #finishSession} would make): the trials and the completion are durable together, or
     * neither is.
     *
     * @throws TandemException as {@link #commitTrials}, or as {@link #finishSession} when trials are still missing
     */
    public void commitLastTrials(String sessionId, List<AnsweredTrial> answered) {
        commitTrials(sessionId, answered, true);
    }

    private void commitTrials(String sessionId, List<AnsweredTrial> answered, boolean complete) {
        Objects.requireNonNull(answered, "answered");
        if (answered.isEmpty()) {
            if (complete) {
                finishSession(sessionId, SessionStatus.COMPLETED);
            }
            return;
        }
        // the rows and their checks are made before the single writer is taken: sessions committing at once make theirs
        // in parallel and hold the writer only to insert them
        TrialBlock block = answered.size() > 1 ? TrialBlock.of(sessionId, answered, trialColumns()) : null;
        db.write("record trials " + answered.get(0).trial().index() + "-"
                + answered.get(answered.size() - 1).trial().index() + " of session " + sessionId
                + (complete ? " and complete it" : ""), c -> {
            writeTrials(c, sessionId, answered, block, complete);
            return null;
        });
    }

    /** @param block the trials prepared as a block, or null to write them (one, or none) as they are */
    private void writeTrials(Connection c, String sessionId, List<AnsweredTrial> answered, TrialBlock block,
                             boolean complete) throws java.sql.SQLException {
        if (block != null) {
            trialWriter.commitBlock(c, block);
        } else if (!answered.isEmpty()) {
            trialWriter.commitAll(c, sessionId, answered);
        }
        if (complete) {
            lifecycle.finish(c, sessionId, SessionStatus.COMPLETED);
        }
    }

    private List<RowChecks.Column> trialColumns() {
        List<RowChecks.Column> columns = trialWriter.knownColumns();
        return columns != null ? columns : db.read("read the trial table's columns", trialWriter::columns);
    }

    /**
     * Prepares a running or aborted session to continue: verifies the stored plan, sets the session running and records a
     * {@code resumed} event.
     *
     * @throws TandemException when the session is completed or its stored plan does not match its hash
     */
    public ResumePoint resume(String sessionId) {
        return db.write("resume session " + sessionId, c -> lifecycle.resume(c, sessionId));
    }

    /**
     * Ends a session as {@link SessionStatus#COMPLETED} (only when every planned trial is recorded) or
     * {@link SessionStatus#ABORTED} (whatever is recorded). A completed session is final.
     */
    public void finishSession(String sessionId, SessionStatus status) {
        db.write("finish session " + sessionId, c -> {
            lifecycle.finish(c, sessionId, status);
            return null;
        });
    }

    /** Records an event of the session, e.g. {@code break}, with an optional JSON detail. */
    public void recordEvent(String sessionId, String kind, String detailJson) {
        db.write("record event " + kind + " of session " + sessionId, c -> {
            lifecycle.recordEvent(c, sessionId, kind, detailJson);
            return null;
        });
    }

    /** The session's events in the order they happened. */
    public List<SessionEvent> events(String sessionId) {
        return db.read("read events of session " + sessionId, c -> {
            SessionRow.find(c, sessionId, db.location());
            return StoreQueries.events(c, sessionId);
        });
    }

    /** All sessions, oldest first. */
    public List<SessionSummary> sessions() {
        return sessions(SessionFilter.all());
    }

    public List<SessionSummary> sessions(SessionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return db.read("list sessions", c -> StoreQueries.sessions(c, filter));
    }

    /**
     * Each named session's trial count, latest trial time and timing-fault count, without loading its trials; a session
     * with no trials (or an unknown id) reads as none done.
     */
    public Map<String, SessionActivity> activity(Collection<String> sessionIds) {
        Objects.requireNonNull(sessionIds, "sessionIds");
        return db.read("read session activity", c -> ActivityQueries.activity(c, sessionIds));
    }

    /** The recorded trials of one session in plan order. */
    public List<TrialRecord> trials(String sessionId) {
        return db.read("read trials of session " + sessionId, c -> {
            SessionRow.find(c, sessionId, db.location());
            return StoreQueries.trials(c, SessionFilter.session(sessionId), db.location());
        });
    }

    /** The recorded trials of the matching sessions: sessions oldest first, trials in plan order. */
    public List<TrialRecord> trials(SessionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return db.read("read trials", c -> StoreQueries.trials(c, filter, db.location()));
    }

    /** Fails with the known names when the filter names something the store does not have. */
    void checkFilter(SessionFilter filter) {
        db.read("check the export filter", c -> {
            StoreQueries.checkFilterNamesExist(c, filter, db.location());
            return null;
        });
    }

    /**
     * The networks' predictions kept in this database ({@link PredictionCache}): found by network key and stimulus
     * SHA-256, each store durable when it returns. A store opened for reading finds but keeps nothing new.
     */
    public PredictionCache predictionCache() {
        return new PredictionCache() {
            @Override
            public Map<String, float[]> find(String networkKey, Collection<String> stimulusSha256s) {
                return db.read("read stored predictions", c -> predictions.find(c, networkKey, stimulusSha256s));
            }

            @Override
            public void store(String networkKey, Map<String, float[]> vectors) {
                if (!db.readOnly() && !vectors.isEmpty()) {
                    db.write("store " + vectors.size() + " predictions", c -> predictions.store(c, networkKey, vectors));
                }
            }
        };
    }

    /** Closes the database; the file lock is released. Calling it again does nothing. */
    @Override
    public void close() {
        if (db.isClosed()) {
            return;
        }
        db.close();
        if (!db.location().onServer()) {
            OwnerOnlyFiles.restrictStoreFiles(db.location());
        }
        LOG.debug("closed {}", db.location().name());
    }
}
