package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a Tandem table read whole, so that it can be compared with a row of another store and written there:
 * column names upper-case, text as text, timestamps as UTC, numbers and booleans as JDBC returns them (a double compares
 * by its bits). The row check is left out: the store that receives a row computes its own.
 */
record StoredRow(Map<String, Object> values) {

    /** Every row the query selects, in its order; the query binds {@code params} in turn. */
    static List<StoredRow> read(Connection c, String sql, Object... params) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toUpperCase(Locale.ROOT);
                        if (!name.equals(RowChecks.COLUMN)) {
                            values.put(name, value(rs, i, JdbcTypes.of(md, i)));
                        }
                    }
                    rows.add(new StoredRow(values));
                }
            }
        }
        return rows;
    }

    /** The one row the query selects, or empty. */
    static Optional<StoredRow> one(Connection c, String sql, Object... params) throws SQLException {
        List<StoredRow> rows = read(c, sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    Object get(String column) {
        return values.get(column.toUpperCase(Locale.ROOT));
    }

    String text(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    /** The same row with one value replaced (a reference to a row of the receiving store). */
    StoredRow with(String column, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(column.toUpperCase(Locale.ROOT), value);
        return new StoredRow(changed);
    }

    /** The first column, other than those {@code ignoring}, whose value differs from {@code other}'s; empty if none. */
    Optional<String> firstDifference(StoredRow other, Collection<String> ignoring) {
        for (String column : values.keySet()) {
            if (!ignoring.contains(column) && !Objects.equals(values.get(column), other.values.get(column))) {
                return Optional.of(column.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /**
     * Inserts the row into {@code table} of {@code c}: the columns that table has, less {@code generated} (an identity,
     * which the table assigns; null for none). Returns the generated key, or -1.
     */
    long insert(Connection c, String table, Collection<String> tableColumns, String generated) throws SQLException {
        List<String> columns = values.keySet().stream()
                .filter(tableColumns::contains)
                .filter(column -> !column.equalsIgnoreCase(String.valueOf(generated)))
                .toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        try (PreparedStatement ps = generated == null ? c.prepareStatement(sql)
                : c.prepareStatement(sql, new String[] {generated.toLowerCase(Locale.ROOT)})) {
            for (int i = 0; i < columns.size(); i++) {
                ps.setObject(i + 1, values.get(columns.get(i)));
            }
            ps.executeUpdate();
            if (generated == null) {
                return -1;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The upper-case column names of {@code table} in {@code c}. */
    static List<String> columnsOf(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE FALSE");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
                yield v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.NCLOB ->
                    rs.getString(column);
            default -> rs.getObject(column);
        };
    }
}
