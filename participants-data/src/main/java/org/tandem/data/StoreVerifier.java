package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Reads a whole store and says whether it is healthy, before anything else touches it.
 *
 * <p>{@link Depth#OPEN} is what every opening runs, and stops at the first problem: the schema history is there and
 * complete, every table is there, every row of every table reads and matches its {@link RowChecks check}, every index
 * holds exactly the rows of its table, and the count of writes is at least the one its {@link StoreSeal seal} vouches
 * for. {@link Depth#FULL} ({@code tandem db check}) goes on through every problem and adds what needs the plans: each
 * session's plan against its hash, each trial against its planned trial, gaps, duplicates and orphan rows.
 */
final class StoreVerifier {
    /** The newest schema version this Tandem knows. */
    static final int LATEST_SCHEMA = 5;
    private static final int MAX_PROBLEMS = 100;
    private static final List<String> V1_TABLES = List.of("study", "protocol", "participant", "session", "trial", "event");

    enum Depth { OPEN, FULL }

    /** Stops the walk at the first problem when opening. */
    private static final class FirstProblem extends RuntimeException {
        FirstProblem() {
            super(null, null, false, false);
        }
    }

    private final Connection c;
    private final Dialect dialect;
    private final Depth depth;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private int schemaVersion;
    private StoreState state;

    private StoreVerifier(Connection c, Dialect dialect, Depth depth) {
        this.c = c;
        this.dialect = dialect;
        this.depth = depth;
    }

    static IntegrityReport verify(Connection c, SealFile.Reading seal, Depth depth) {
        Dialect dialect;
        try {
            dialect = Dialect.of(c);
            // PostgreSQL refuses every statement of a transaction after a failed one: each check stands alone
            c.setAutoCommit(dialect == Dialect.POSTGRESQL);
        } catch (SQLException e) {
            return new IntegrityReport(0, null, Map.of(), List.of("it cannot be read (" + StoreErrors.reason(e) + ")"),
                    List.of());
        }
        StoreVerifier v = new StoreVerifier(c, dialect, depth);
        try {
            v.run(seal);
        } catch (FirstProblem stop) {
            // the first problem is recorded
        } finally {
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                v.problems.add("it cannot be read (" + StoreErrors.reason(e) + ")");
            }
        }
        return new IntegrityReport(v.schemaVersion, v.state == null ? null : v.state.writes(),
                Collections.unmodifiableMap(new LinkedHashMap<>(v.rows)), List.copyOf(v.problems), List.copyOf(v.notes));
    }

    private void run(SealFile.Reading seal) {
        if (!history()) {
            return;
        }
        List<String> tables = new ArrayList<>(V1_TABLES);
        if (schemaVersion >= 2) {
            tables.add("store_state");
        }
        if (schemaVersion >= 4) { // version 5 changed how prediction rows are checked, not the tables
            tables.add("prediction");
        }
        if (!tablesPresent(tables) || !definitionsAsMigrated()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            serverTables(seal);
            return;
        }
        lazily(() -> {
            for (RowChecks.Table table : RowChecks.Table.at(schemaVersion)) {
                rowsOf(table);
            }
            for (String table : tables) {
                indexesOf(table);
            }
        });
        if (schemaVersion >= 2) {
            stateAgainst(seal);
        } else if (seal instanceof SealFile.Reading.Valid valid) {
            problem("it holds schema version " + schemaVersion + " but its seal records " + valid.seal().writes()
                    + " committed writes of a newer schema (the file was cut short or rolled back to an older state)");
        } else {
            notes.add("schema version 1: its rows carry no checks and it keeps no count of writes (both are added the"
                    + " next time a command that writes opens it)");
        }
        if (depth == Depth.FULL) {
            sessionsAgainstPlans();
            orphans();
        }
    }

    /**
     * A server keeps its own write-ahead log and page checks, and may hold a whole lab's sessions: opening checks its
     * schema only, while {@code tandem db check} reads every row against its check and every session against its plan.
     * H2's own index checks do not apply.
     */
    private void serverTables(SealFile.Reading seal) {
        if (depth == Depth.FULL) {
            for (RowChecks.Table table : RowChecks.Table.at(schemaVersion)) {
                rowsOf(table);
            }
        }
        stateAgainst(seal);
        if (depth == Depth.FULL) {
            sessionsAgainstPlans();
            orphans();
        }
    }

    /** Flyway's history: present, every migration finished, versions 1..n without holes, none newer than this Tandem. */
    private boolean history() {
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    problem("the schema change to version " + rs.getString(1) + " did not finish");
                }
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            problem(tableMissing(e) ? "it holds no Tandem schema history (a non-empty database that is not a Tandem"
                    + " database, or one whose tables are gone)" : "its schema history cannot be read (" + StoreErrors.reason(e) + ")");
            return false;
        }
        for (int i = 0; i < versions.size(); i++) {
            if (!versions.get(i).equals(String.valueOf(i + 1))) {
                problem("its schema history lists versions " + versions + " instead of 1 to " + versions.size());
                return false;
            }
        }
        schemaVersion = versions.size();
        if (schemaVersion == 0) {
            problem("its schema history is empty");
            return false;
        }
        return schemaVersion <= LATEST_SCHEMA; // a newer schema is the caller's to report; nothing more can be read
    }

    private boolean tablesPresent(List<String> tables) {
        List<String> present = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        } catch (SQLException e) {
            problem("its list of tables cannot be read (" + StoreErrors.reason(e) + ")");
            return false;
        }
        List<String> missing = tables.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            problem("table" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " missing");
            return false;
        }
        return true;
    }

    /** Column types, constraints and indexes as the migrations made them: a damaged definition changes what reads mean. */
    private boolean definitionsAsMigrated() {
        if (dialect == Dialect.POSTGRESQL) {
            return true; // the reference definitions are H2's; a server's catalogue is not a file that can be damaged
        }
        try {
            var difference = SchemaFingerprint.firstDifference(SchemaFingerprint.expected(schemaVersion),
                    SchemaFingerprint.of(c));
            if (difference.isPresent()) {
                problem("its table definitions differ from those of schema version " + schemaVersion + " ("
                        + difference.get() + ")");
                return false;
            }
            return true;
        } catch (SQLException e) {
            problem("its table definitions cannot be read (" + StoreErrors.reason(e) + ")");
            return false;
        }
    }

    private void rowsOf(RowChecks.Table table) {
        long count = 0;
        int bad = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.wholeTable(table.sqlName()))) {
            while (rs.next()) {
                count++;
                if (schemaVersion >= 2) {
                    String stored = RowChecks.stored(rs);
                    if (stored == null || !stored.equals(RowChecks.of(rs, schemaVersion))) {
                        if (bad++ < 3) {
                            problem("row " + key(rs, table) + " of table " + table.sqlName() + " does not match its check"
                                    + " (a value in it was changed on disk)");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            problem("table " + table.sqlName() + " cannot be read after " + count + " rows (" + StoreErrors.reason(e) + ")");
        }
        if (bad > 3) {
            problem((bad - 3) + " more rows of table " + table.sqlName() + " do not match their checks");
        }
        rows.put(table.sqlName(), count);
    }

    private static String key(ResultSet rs, RowChecks.Table table) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String column : table.key()) {
            parts.add(column + " " + rs.getString(column));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** Every index must list exactly the rows a scan of its table finds: queries that use it must not miss a trial. */
    private void indexesOf(String table) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT index_name, column_name FROM information_schema.index_columns"
                + " WHERE table_schema = 'PUBLIC' AND LOWER(table_name) = ? ORDER BY index_name, ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(quote(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            problem("the indexes of table " + table + " cannot be listed (" + StoreErrors.reason(e) + ")");
            return;
        }
        for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
            String columns = String.join(", ", index.getValue());
            // no ORDER BY: H2 would sort with whichever index suits it and ignore the hint
            String viaIndexSql = "SELECT _ROWID_, " + columns + " FROM " + table + " USE INDEX (" + quote(index.getKey())
                    + ")";
            try {
                String plan = plan(viaIndexSql);
                if (plan.contains(".tableScan */") && index.getKey().startsWith("PRIMARY_KEY")) {
                    continue; // a primary key on the row id is the table itself, which the scan reads
                }
                if (!plan.contains("." + index.getKey() + " */")) {
                    problem("index " + index.getKey() + " of table " + table + " cannot be read on its own");
                    continue;
                }
                List<String> viaIndex = keys(viaIndexSql);
                List<String> viaScan = keys("SELECT _ROWID_, " + columns + " FROM " + table + " USE INDEX ()");
                Collections.sort(viaIndex);
                Collections.sort(viaScan);
                if (!viaIndex.equals(viaScan)) {
                    problem("index " + index.getKey() + " of table " + table + " lists " + viaIndex.size()
                            + " rows where the table has " + viaScan.size() + " (or other rows)");
                }
            } catch (SQLException e) {
                problem("index " + index.getKey() + " of table " + table + " cannot be read (" + StoreErrors.reason(e) + ")");
            }
        }
    }

    private String plan(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            rs.next();
            return rs.getString(1).replaceAll("\\s+", " ").replace("\"", "");
        }
    }

    private List<String> keys(String sql) throws SQLException {
        return Sql.rowsAsText(c, sql);
    }

    private void stateAgainst(SealFile.Reading seal) {
        try {
            state = StoreState.read(c);
        } catch (SQLException e) {
            problem("its count of writes cannot be read (" + StoreErrors.reason(e) + ")");
            return;
        }
        if (seal instanceof SealFile.Reading.Valid valid) {
            StoreSeal s = valid.seal();
            if (!s.databaseId().equals(state.databaseId())) {
                problem("its seal belongs to another database (" + s.databaseId() + ", this is " + state.databaseId()
                        + "); if the file was replaced on purpose, put it back with tandem db restore");
            } else if (state.writes() < s.writes()) {
                problem("it holds " + state.writes() + " committed writes but its seal records " + s.writes()
                        + " (the file was cut short, rolled back or its newest part is damaged)");
            }
        } else if (seal instanceof SealFile.Reading.Unreadable unreadable) {
            notes.add("its seal cannot be used (" + unreadable.reason() + "), so whether its newest writes are all"
                    + " there cannot be confirmed");
        } else if (dialect == Dialect.H2) {
            notes.add("no seal beside the database, so whether its newest writes are all there cannot be confirmed");
        }
    }

    /** Each session's plan matches its hash; its trials are its planned trials, without gaps or duplicates. */
    private void sessionsAgainstPlans() {
        List<String[]> sessions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT session_id, status, trial_count, plan_sha256 FROM session ORDER BY started_at, session_id")) {
            while (rs.next()) {
                sessions.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        } catch (SQLException e) {
            problem("the sessions cannot be listed (" + StoreErrors.reason(e) + ")");
            return;
        }
        for (String[] session : sessions) {
            sessionAgainstPlan(session[0], session[1], Integer.parseInt(session[2]), session[3]);
        }
    }

    private void sessionAgainstPlan(String sessionId, String status, int trialCount, String planSha256) {
        TrialPlan plan;
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_json FROM session WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            String json;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
            if (!CanonicalJson.sha256(json).equals(planSha256)) {
                problem("session " + sessionId + ": its stored plan does not match the plan's SHA-256");
                return;
            }
            plan = TrialPlan.fromJson(json);
        } catch (SQLException | RuntimeException e) {
            problem("session " + sessionId + ": its stored plan cannot be read (" + StoreErrors.reason(e) + ")");
            return;
        }
        if (plan.size() != trialCount) {
            problem("session " + sessionId + ": the plan has " + plan.size() + " trials, the session row says "
                    + trialCount);
            return;
        }
        BitSet recorded = new BitSet(plan.size());
        int highest = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_index, trial_id, block, practice FROM "
                + dialect.wholeTable("trial") + " WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(1);
                    if (index < 0 || index >= plan.size()) {
                        problem("session " + sessionId + ": trial " + index + " is outside its plan of " + plan.size());
                        continue;
                    }
                    var planned = plan.trial(index);
                    if (!planned.id().equals(rs.getString(2)) || !planned.block().equals(rs.getString(3))
                            || planned.practice() != rs.getBoolean(4)) {
                        problem("session " + sessionId + ": trial " + index + " (" + rs.getString(2)
                                + ") is not the planned trial " + planned.id());
                    }
                    if (recorded.get(index)) {
                        problem("session " + sessionId + ": trial " + index + " is recorded twice");
                    }
                    recorded.set(index);
                    highest = Math.max(highest, index);
                }
            }
        } catch (SQLException e) {
            problem("session " + sessionId + ": its trials cannot be read (" + StoreErrors.reason(e) + ")");
            return;
        }
        int gaps = highest + 1 - recorded.get(0, highest + 1).cardinality();
        if (gaps > 0) {
            problem("session " + sessionId + ": " + gaps + " trial" + (gaps == 1 ? " is" : "s are")
                    + " missing before its last recorded trial " + highest + " (first: " + recorded.nextClearBit(0) + ")");
        }
        if ("completed".equals(status) && recorded.cardinality() != plan.size()) {
            problem("session " + sessionId + " is completed but holds " + recorded.cardinality() + " of " + plan.size()
                    + " planned trials");
        }
    }

    private void orphans() {
        orphanCount("trial rows without their session",
                "SELECT COUNT(*) FROM trial t WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.session_id = t.session_id)");
        orphanCount("event rows without their session",
                "SELECT COUNT(*) FROM event e WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.session_id = e.session_id)");
        orphanCount("sessions whose study, protocol or participant is missing",
                "SELECT COUNT(*) FROM session s WHERE NOT EXISTS (SELECT 1 FROM study st WHERE st.id = s.study_id)"
                        + " OR NOT EXISTS (SELECT 1 FROM protocol p WHERE p.id = s.protocol_ref)"
                        + " OR (s.participant_id IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM participant pa WHERE pa.id = s.participant_id))");
    }

    private void orphanCount(String what, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            if (n > 0) {
                problem(n + " " + what);
            }
        } catch (SQLException e) {
            problem("cannot look for " + what + " (" + StoreErrors.reason(e) + ")");
        }
    }

    /** Large tables stream instead of spilling into temporary files, which a full disk or a read-only open forbids. */
    private void lazily(Runnable work) {
        setLazy(true);
        try {
            work.run();
        } finally {
            setLazy(false);
        }
    }

    private void setLazy(boolean lazy) {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
        } catch (SQLException e) {
            problem("cannot read the database (" + StoreErrors.reason(e) + ")");
        }
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("… and more; the list stops here");
        }
        if (depth == Depth.OPEN) {
            throw new FirstProblem();
        }
    }

    private static boolean tableMissing(SQLException e) {
        return "42P01".equals(e.getSQLState()) || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
