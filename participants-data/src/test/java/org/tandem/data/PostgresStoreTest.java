package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A store on a real PostgreSQL server: the same rows get the same checks as in H2, changes behind Tandem's back are
 * found, what is not a Tandem store is refused, durability is asked for, and a push from a station's H2 file is
 * idempotent and refuses a conflicting session.
 */
class PostgresStoreTest {
    private static final PostgresTestServer SERVER = PostgresTestServer.shared();

    @TempDir
    Path dir;

    @Test
    void theSameTrialsHaveTheSameRowChecksInH2AndOnTheServer() throws Exception {
        Path file = dir.resolve("station.mv.db");
        String sessionId = storeSession(StoreOptions.at(file), 21, 6);
        String db = SERVER.newDatabase();
        List<MergeSummary> pushed = TandemStore.merge(PostgresTestServer.options(db), List.of(StoreOptions.at(file)));
        assertThat(pushed).singleElement().extracting(MergeSummary::added).isEqualTo(1);

        Map<Integer, String> inH2 = new TreeMap<>();
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(file))) {
            store.db().read("read checks", c -> checks(c, sessionId, inH2));
        }
        Map<Integer, String> onServer = new TreeMap<>();
        try (Connection c = SERVER.connect(databaseOf(db))) {
            checks(c, sessionId, onServer);
        }
        assertThat(onServer).hasSize(6).isEqualTo(inH2);
        assertThat(TandemStore.check(PostgresTestServer.options(db)).problems()).isEmpty();
    }

    @Test
    void aValueChangedOnTheServerBehindTandemsBackIsFoundByTheCheck() throws Exception {
        String db = SERVER.newDatabase();
        String sessionId = storeSession(PostgresTestServer.options(db), 3, 4);
        assertThat(TandemStore.check(PostgresTestServer.options(db)).clean()).isTrue();
        try (Connection c = SERVER.connect(databaseOf(db));
             PreparedStatement ps = c.prepareStatement("UPDATE trial SET rt_ms = rt_ms + 1 WHERE session_id = ?"
                     + " AND plan_index = 2")) {
            ps.setString(1, sessionId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        IntegrityReport report = TandemStore.check(PostgresTestServer.options(db));
        assertThat(report.problems()).singleElement().asString()
                .contains("row (session_id " + sessionId + ", plan_index 2) of table trial does not match its check");
    }

    @Test
    void aPlanChangedOnTheServerIsFoundAndItsSessionCannotResume() throws Exception {
        String db = SERVER.newDatabase();
        String sessionId = storeSession(PostgresTestServer.options(db), 4, 2);
        try (Connection c = SERVER.connect(databaseOf(db));
             PreparedStatement ps = c.prepareStatement("UPDATE session SET plan_json = REPLACE(plan_json, '\"main\"',"
                     + " '\"mainX\"') WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(TandemStore.check(PostgresTestServer.options(db)).problems())
                .anyMatch(p -> p.contains("its stored plan does not match the plan's SHA-256"));
        try (TandemStore store = TandemStore.open(PostgresTestServer.options(db))) {
            assertThatThrownBy(() -> store.resume(sessionId)).isInstanceOf(TandemException.class)
                    .hasMessageContaining("stored plan");
        }
    }

    @Test
    void aDatabaseHoldingOtherTablesIsRefusedAndLeftAlone() throws Exception {
        String db = SERVER.newDatabase();
        try (Connection c = SERVER.connect(databaseOf(db)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE inventory (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> TandemStore.open(PostgresTestServer.options(db))).isInstanceOf(TandemException.class)
                .hasMessageContaining("is not a healthy Tandem store: it holds no Tandem schema history")
                .hasMessageContaining("nothing was changed");
        try (Connection c = SERVER.connect(databaseOf(db)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = current_schema()")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void anEmptyDatabaseIsNoStoreToReadButBecomesOneForWriting() {
        String db = SERVER.newDatabase();
        assertThatThrownBy(() -> TandemStore.openForReading(PostgresTestServer.options(db)))
                .hasMessageStartingWith("no Tandem store on " + db.replace("127.0.0.1", "127.0.0.1"));
        try (TandemStore store = TandemStore.open(PostgresTestServer.options(db))) {
            assertThat(store.onServer()).isTrue();
            assertThat(store.name()).isEqualTo(db);
            assertThat(store.studies()).isEmpty();
        }
    }

    @Test
    void everyConnectionCommitsSynchronouslyWhateverTheServersDefault() throws Exception {
        String db = SERVER.newDatabase();
        try (Connection c = SERVER.admin(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + databaseOf(db) + " SET synchronous_commit = off");
        }
        try (Connection c = PgConnector.connect(ServerAddress.parse(db), PostgresTestServer.PASSWORD, false);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void theConnectionIsEncryptedWhenTheServerOffersTls() throws Exception {
        String db = SERVER.newDatabase();
        try (Connection c = PgConnector.connect(ServerAddress.parse(db), PostgresTestServer.PASSWORD, true);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("encrypted (%s)", rs.getString(2)).isTrue();
        }
    }

    @Test
    void clearMessagesForAWrongPasswordAMissingDatabaseAndAServerOutOfReach() throws Exception {
        String db = SERVER.newDatabase();
        assertThatThrownBy(() -> TandemStore.open(StoreOptions.of(db, "wrong"))).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("the server " + db + " refused user tandem");
        String missing = db.substring(0, db.lastIndexOf('/') + 1) + "nosuchdb";
        assertThatThrownBy(() -> TandemStore.open(PostgresTestServer.options(missing)))
                .hasMessageStartingWith("the server has no database nosuchdb");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String away = "postgresql://tandem@127.0.0.1:" + closedPort + "/lab";
        assertThatThrownBy(() -> TandemStore.open(PostgresTestServer.options(away)))
                .hasMessageStartingWith("cannot reach the lab server " + away)
                .hasMessageContaining("tandem db push");
        assertThatThrownBy(() -> StoreOptions.of("postgresql://tandem:secret@host/lab", null))
                .hasMessageContaining("contains a password").hasMessageNotContaining("secret");
    }

    @Test
    void aPushIsIdempotentSendsWhatAStationAddedAndRefusesAConflictingSession() throws Exception {
        Path station = dir.resolve("station.mv.db");
        String db = SERVER.newDatabase();
        StoreOptions server = PostgresTestServer.options(db);
        String sessionId = storeSession(StoreOptions.at(station), 8, 3);
        assertThat(TandemStore.merge(server, List.of(StoreOptions.at(station))))
                .containsExactly(new MergeSummary(station.toString(), 1, 0, 0));
        assertThat(TandemStore.merge(server, List.of(StoreOptions.at(station))))
                .containsExactly(new MergeSummary(station.toString(), 0, 0, 1));
        TrialPlan plan = Fixtures.plan(8);
        try (TandemStore store = TandemStore.open(StoreOptions.at(station))) {
            store.commitTrial(sessionId, plan.trial(3), Fixtures.humanResponse(plan.trial(3)));
        }
        assertThat(TandemStore.merge(server, List.of(StoreOptions.at(station))))
                .containsExactly(new MergeSummary(station.toString(), 0, 1, 0));
        try (TandemStore store = TandemStore.openForReading(server)) {
            assertThat(store.trials(sessionId)).hasSize(4);
        }

        Path other = dir.resolve("other.mv.db");
        try (TandemStore store = TandemStore.open(StoreOptions.at(other))) {
            store.startSessionWith(Fixtures.human("rooms", "P001", 9), sessionId, List.of(), false);
        }
        assertThatThrownBy(() -> TandemStore.merge(server, List.of(StoreOptions.at(other))))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("session " + sessionId + " is held in " + db)
                .hasMessageContaining("nothing was merged");
        try (TandemStore store = TandemStore.openForReading(server)) {
            assertThat(store.trials(sessionId)).hasSize(4);
        }
    }

    @Test
    void aStationPushesItsSessionWhileItRunsAndOnceMoreWhenItIsFinished() {
        String db = SERVER.newDatabase();
        StoreOptions server = PostgresTestServer.options(db);
        TrialPlan plan = Fixtures.plan(12);
        try (TandemStore station = TandemStore.open(StoreOptions.at(dir.resolve("station.mv.db")))) {
            String id = station.startSession(Fixtures.human("rooms", "P002", 12));
            for (int i = 0; i < 3; i++) {
                station.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
            }
            assertThat(station.pushTo(server, java.util.Set.of(id)).added()).isEqualTo(1);
            for (int i = 3; i < plan.size(); i++) {
                station.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
            }
            station.finishSession(id, SessionStatus.COMPLETED);
            assertThat(station.pushTo(server, java.util.Set.of(id)).extended()).isEqualTo(1);
            assertThat(station.pushTo(server, java.util.Set.of()).present()).isEqualTo(1);
            try (TandemStore lab = TandemStore.openForReading(server)) {
                assertThat(lab.trials(id)).hasSize(plan.size()).isEqualTo(station.trials(id));
                assertThat(lab.sessions().get(0).status()).isEqualTo(SessionStatus.COMPLETED);
                assertThat(lab.events(id)).extracting(SessionEvent::kind)
                        .isEqualTo(station.events(id).stream().map(SessionEvent::kind).toList());
            }
        }
        assertThat(TandemStore.check(server).problems()).isEmpty();
    }

    @Test
    void stationsWritingToTheServerAtOnceAllGetTheirSessionsIntoOneNewStudy() throws Exception {
        String db = SERVER.newDatabase();
        try (TandemStore first = TandemStore.open(PostgresTestServer.options(db))) {
            assertThat(first.studies()).isEmpty(); // the schema exists; the study and protocol rows do not yet
        }
        int stations = 6;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(stations);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(stations);
        List<java.util.concurrent.Future<String>> started = new java.util.ArrayList<>();
        for (int k = 0; k < stations; k++) {
            int station = k;
            started.add(pool.submit(() -> {
                try (TandemStore store = TandemStore.open(PostgresTestServer.options(db))) {
                    together.await();
                    String id = store.startSession(Fixtures.human("race", "P00" + station, 30 + station));
                    TrialPlan plan = Fixtures.plan(30 + station);
                    for (int i = 0; i < 5; i++) {
                        store.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
                    }
                    return id;
                }
            }));
        }
        pool.shutdown();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var f : started) {
            ids.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        try (TandemStore store = TandemStore.openForReading(PostgresTestServer.options(db))) {
            assertThat(store.studies()).containsExactly("race");
            assertThat(store.sessions()).hasSize(stations)
                    .allMatch(s -> ids.contains(s.sessionId()) && s.trialsDone() == 5);
        }
        assertThat(TandemStore.check(PostgresTestServer.options(db)).problems()).isEmpty();
    }

    /** A person's session of {@code trials} trials in the study "rooms". */
    private static String storeSession(StoreOptions options, long seed, int trials) {
        TrialPlan plan = Fixtures.plan(seed);
        try (TandemStore store = TandemStore.open(options)) {
            String id = store.startSession(Fixtures.human("rooms", "P001", seed));
            for (int i = 0; i < trials; i++) {
                store.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
            }
            return id;
        }
    }

    private static Void checks(Connection c, String sessionId, Map<Integer, String> into) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_index, row_check FROM trial WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getInt(1), rs.getString(2).strip());
                }
            }
        }
        return null;
    }

    private static String databaseOf(String db) {
        return db.substring(db.lastIndexOf('/') + 1);
    }
}
