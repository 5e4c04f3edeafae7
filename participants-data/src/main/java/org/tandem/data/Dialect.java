package org.tandem.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two databases a store can live in. Almost all of the store's SQL is written once for both; this names the few
 * places where they differ (how a commit is made durable, H2's own index and schema checks, which migrations spell a
 * type), so each difference is decided in one spot.
 */
enum Dialect {
    /** An embedded file database: one process at a time, a seal beside the file. */
    H2,
    /** A lab server shared by several stations: durability is the server's synchronous commit. */
    POSTGRESQL;

    static Dialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? POSTGRESQL : H2;
    }

    /** Flyway locations: the migrations shared by both, and those spelled for this database. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common",
                "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT)};
    }

    /** A table scan that ignores every index: H2 can be told so; PostgreSQL reads the table itself when asked for all rows. */
    String wholeTable(String table) {
        return this == H2 ? table + " USE INDEX ()" : table;
    }
}
