package org.tandem.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The definition of a store's tables as text, one line per column, constraint and index (names H2 generates are left
 * out). H2 keeps each table's definition as SQL text in its file and parses it when the file opens, so a damaged byte
 * there can quietly change a column's type or a constraint; the store compares the file's definitions with those its
 * migrations produce on an empty in-memory database of the same version.
 */
final class SchemaFingerprint {
    private static final Map<Integer, List<String>> EXPECTED = new HashMap<>();

    private SchemaFingerprint() {
    }

    static List<String> of(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(query(c, "SELECT 'table', table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC'"));
        lines.addAll(query(c, "SELECT 'column', table_name, column_name, ordinal_position, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_nullable,"
                + " column_default, is_identity, is_generated, generation_expression"
                + " FROM information_schema.columns WHERE table_schema = 'PUBLIC'"));
        lines.addAll(query(c, "SELECT 'constraint', tc.table_name, tc.constraint_type,"
                + " (SELECT LISTAGG(k.column_name, ',') WITHIN GROUP (ORDER BY k.ordinal_position)"
                + "  FROM information_schema.key_column_usage k WHERE k.constraint_schema = tc.constraint_schema"
                + "  AND k.constraint_name = tc.constraint_name),"
                + " (SELECT cc.check_clause FROM information_schema.check_constraints cc"
                + "  WHERE cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name)"
                + " FROM information_schema.table_constraints tc WHERE tc.table_schema = 'PUBLIC'"));
        lines.addAll(query(c, "SELECT 'index', i.table_name, i.index_type_name,"
                + " (SELECT LISTAGG(ic.column_name, ',') WITHIN GROUP (ORDER BY ic.ordinal_position)"
                + "  FROM information_schema.index_columns ic WHERE ic.index_schema = i.index_schema"
                + "  AND ic.index_name = i.index_name)"
                + " FROM information_schema.indexes i WHERE i.table_schema = 'PUBLIC'"));
        lines.sort(null);
        return lines;
    }

    /** The definitions the migrations up to {@code version} produce, computed once per version. */
    static synchronized List<String> expected(int version) {
        return EXPECTED.computeIfAbsent(version, v -> {
            String url = "jdbc:h2:mem:tandem-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            try (Connection c = DriverManager.getConnection(url, H2Connector.USER, "")) {
                Migrations.migrate(url, H2Connector.USER, "", v);
                List<String> lines = of(c);
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
                return lines;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot build the reference schema of version " + v, e);
            }
        });
    }

    /** The first definition that differs, in words; empty when they are the same. */
    static Optional<String> firstDifference(List<String> expected, List<String> actual) {
        for (String line : expected) {
            if (!actual.contains(line)) {
                return Optional.of("missing " + line.replace('\t', ' '));
            }
        }
        for (String line : actual) {
            if (!expected.contains(line)) {
                return Optional.of("unexpected " + line.replace('\t', ' '));
            }
        }
        return Optional.empty();
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        return Sql.rowsAsText(c, sql);
    }
}
