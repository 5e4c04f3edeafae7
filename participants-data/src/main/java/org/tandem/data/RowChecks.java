package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;

/**
 * A checksum in every row of Tandem's tables ({@code row_check}), over all its other columns.
 *
 * <p>H2 checks the structure of its file, not the bytes of a stored value: a flipped bit inside a row reads back as a
 * different response, reaction time or timestamp without any error. Every write sets the check of the rows it wrote;
 * opening a store recomputes them all ({@link StoreVerifier}), so such a row is found before anything reads it.
 *
 * <p>The check is computed from the row as JDBC reads it back (the writer reads its row again after writing), so the
 * writer and the verifier cannot disagree about how a value is formatted. Values are encoded by type, not by H2's text
 * form: integers in decimal, doubles by their bits, timestamps as UTC instants.
 */
final class RowChecks {
    static final String COLUMN = "ROW_CHECK";
    /**
     * Columns added after version 2, when rows already had checks: left out of the check while null, so a row written
     * before its table grew the column keeps a valid check (and the migration need not vouch for old rows anew).
     */
    private static final java.util.Set<String> LATER_COLUMNS = java.util.Set.of("PRESENTATION");
    /** The schema version from which binary values enter a check as hex ({@link #of(ResultSet, int)}). */
    static final int BINARY_AS_HEX_SINCE = 5;

    /** Tandem's tables with row checks, each with the schema version that created it and the columns that identify a row. */
    enum Table {
        STUDY(1, "id"), PROTOCOL(1, "id"), PARTICIPANT(1, "id"), SESSION(1, "session_id"),
        TRIAL(1, "session_id", "plan_index"), EVENT(1, "id"), PREDICTION(4, "network_sha256", "stimulus_sha256");

        private final int since;
        private final List<String> key;

        Table(int since, String... key) {
            this.since = since;
            this.key = List.of(key);
        }

        /** The tables a database of this schema version holds. */
        static List<Table> at(int schemaVersion) {
            return java.util.Arrays.stream(values()).filter(t -> t.since <= schemaVersion).toList();
        }

        String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        List<String> key() {
            return key;
        }

        private String keyCondition() {
            return String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
        }
    }

    private RowChecks() {
    }

    /** Sets the check of the row of {@code table} with this key (values in the order of {@link Table#key()}). */
    static void update(Connection c, Table table, Object... key) throws SQLException {
        String check;
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table.sqlName() + " WHERE "
                + table.keyCondition())) {
            bind(select, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no " + table.sqlName() + " row to check");
                }
                check = of(rs);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table.sqlName() + " SET " + COLUMN + " = ? WHERE "
                + table.keyCondition())) {
            update.setString(1, check);
            for (int i = 0; i < key.length; i++) {
                update.setObject(i + 2, key[i]);
            }
            update.executeUpdate();
        }
    }

    /** Sets the check of every row of {@code table}: for rows written before checks existed. */
    static void updateAll(Connection c, Table table) throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", table.key()) + " FROM "
                + table.sqlName()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] key = new Object[table.key().size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = rs.getObject(i + 1);
                }
                keys.add(key);
            }
        }
        for (Object[] key : keys) {
            update(c, table, key);
        }
    }

    /** The check of the current row of {@code rs}, which must select every column of its table. */
    static String of(ResultSet rs) throws SQLException {
        return of(rs, StoreVerifier.LATEST_SCHEMA);
    }

    /**
     * The check of the current row as a store of {@code schemaVersion} computed it: before version 5 a binary value was
     * taken as JDBC's text of it, which H2 decodes as UTF-8, so bytes that are not UTF-8 all read as U+FFFD and a
     * changed byte could keep its row's check; from version 5 a binary value is its bytes in hex.
     */
    static String of(ResultSet rs, int schemaVersion) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        CheckText text = new CheckText();
        boolean binaryAsHex = schemaVersion >= BINARY_AS_HEX_SINCE;
        for (int i = 1; i <= md.getColumnCount(); i++) {
            int type = JdbcTypes.of(md, i);
            text.add(md.getColumnName(i), binaryAsHex && isBinary(type) ? hex(rs.getBytes(i))
                    : canonical(rs, i, type));
        }
        return text.check();
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * The check a row will have once written, from the values about to be written (by column name, any case; a column
     * not given is null), so a block of rows can be inserted with their checks instead of updated after. Values are
     * canonicalised as {@link #of(ResultSet)} canonicalises what JDBC reads back; the writer still reads the rows back
     * and compares ({@link #confirmTrials}).
     *
     * @param columns the table's columns in order, from {@link #columns}
     */
    static String of(List<Column> columns, Map<String, Object> values) {
        CheckText text = new CheckText();
        for (Column column : columns) {
            Object value = values.get(column.name());
            text.add(column.name(), value == null ? null : canonical(value, column.type()));
        }
        return text.check();
    }

    /** A column of a table: its upper-case name and JDBC type. */
    record Column(String name, int type) {
    }

    /** The columns of {@code table}, in order. */
    static List<Column> columns(Connection c, Table table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table.sqlName() + " WHERE FALSE")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new Column(md.getColumnName(i).toUpperCase(Locale.ROOT), JdbcTypes.of(md, i)));
            }
        }
        return columns;
    }

    /**
     * Reads back the trials of one session with plan indexes {@code from} to {@code to}, written with the checks in
     * {@code written} (by plan index), and sets the check of any row that reads back otherwise: the checks always
     * describe the rows as stored.
     *
     * @return how many checks had to be set again
     */
    static int confirmTrials(Connection c, String sessionId, int from, int to, Map<Integer, String> written)
            throws SQLException {
        List<Object[]> wrong = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM trial WHERE session_id = ?"
                + " AND plan_index BETWEEN ? AND ?")) {
            select.setString(1, sessionId);
            select.setInt(2, from);
            select.setInt(3, to);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String actual = of(rs);
                    int index = rs.getInt("plan_index");
                    if (!actual.equals(written.get(index))) {
                        wrong.add(new Object[] {actual, index});
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE trial SET " + COLUMN + " = ?"
                    + " WHERE session_id = ? AND plan_index = ?")) {
                for (Object[] row : wrong) {
                    update.setString(1, (String) row[0]);
                    update.setString(2, sessionId);
                    update.setInt(3, (Integer) row[1]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return wrong.size();
    }

    /** The text a check is the hash of: every column but the check itself, by name, type-canonical values. */
    private static final class CheckText {
        private final StringBuilder text = new StringBuilder();

        void add(String columnName, String value) {
            String name = columnName.toUpperCase(Locale.ROOT);
            if (name.equals(COLUMN) || value == null && LATER_COLUMNS.contains(name)) {
                return;
            }
            text.append(name).append('=');
            if (value == null) {
                text.append("null\n");
            } else {
                text.append(value.length()).append(':').append(value).append('\n');
            }
        }

        String check() {
            return CanonicalJson.sha256(text.toString()).substring(0, 16);
        }
    }

    /** The stored check of the current row. */
    static String stored(ResultSet rs) throws SQLException {
        String stored = rs.getString(COLUMN);
        return stored == null ? null : stored.strip();
    }

    /** A value about to be written, in the form {@link #canonical(ResultSet, int, int)} gives it read back. */
    private static String canonical(Object value, int type) {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Long.toString(((Number) value).longValue());
            case Types.DOUBLE, Types.FLOAT, Types.REAL ->
                    Long.toHexString(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case Types.BOOLEAN -> ((Boolean) value) ? "true" : "false";
            case Types.TIMESTAMP_WITH_TIMEZONE -> ((java.time.Instant) value).toString();
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> hex((byte[]) value);
            default -> value.toString();
        };
    }

    private static String canonical(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : Long.toString(v);
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? null : Long.toHexString(Double.doubleToRawLongBits(v));
            }
            case Types.BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                yield rs.wasNull() ? null : (v ? "true" : "false");
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
                yield v == null ? null : v.toInstant().toString();
            }
            default -> rs.getString(column);
        };
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
