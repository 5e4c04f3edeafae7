package org.tandem.data;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * A column's JDBC type as the store reasons about it, the same on both databases: PostgreSQL's driver reports a
 * {@code boolean} as {@link Types#BIT} and a {@code timestamptz} as plain {@link Types#TIMESTAMP}, where H2 says
 * {@link Types#BOOLEAN} and {@link Types#TIMESTAMP_WITH_TIMEZONE}. Row checks and merges compare values by these types,
 * so the same row has the same check in H2 and in PostgreSQL.
 */
final class JdbcTypes {
    private JdbcTypes() {
    }

    static int of(ResultSetMetaData md, int column) throws SQLException {
        int type = md.getColumnType(column);
        return switch (type) {
            case Types.BIT -> "bool".equals(typeName(md, column)) || "boolean".equals(typeName(md, column))
                    ? Types.BOOLEAN : type;
            case Types.TIMESTAMP -> "timestamptz".equals(typeName(md, column)) ? Types.TIMESTAMP_WITH_TIMEZONE : type;
            default -> type;
        };
    }

    private static String typeName(ResultSetMetaData md, int column) throws SQLException {
        return String.valueOf(md.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
    }
}
