package org.tandem.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.protocols.TandemException;

/**
 * Where one store lives: an H2 file, or a lab server's database. H2 names a file database by its base path and adds
 * {@code .mv.db}; users may give either.
 *
 * @param dbFile   the {@code .mv.db} file; null on a server
 * @param basePath the same path without {@code .mv.db}, as it goes into the JDBC URL; null on a server
 * @param server   the server's database; null for a file
 */
record StoreLocation(Path dbFile, Path basePath, ServerAddress server) {
    static final String SUFFIX = ".mv.db";

    StoreLocation(Path dbFile, Path basePath) {
        this(dbFile, basePath, null);
    }

    static StoreLocation of(StoreOptions options) {
        return options.onServer() ? new StoreLocation(null, null, options.server()) : of(options.path());
    }

    boolean onServer() {
        return server != null;
    }

    /** How messages name the store: the file, or the server address (never with a password). */
    String name() {
        return server != null ? server.toString() : dbFile.toString();
    }

    static StoreLocation of(Path given) {
        Path absolute = given.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new TandemException("'" + given + "' is not a database file path; give a file such as "
                    + TandemStore.defaultPath());
        }
        if (Files.isDirectory(absolute)) {
            throw new TandemException("'" + given + "' is a directory; give the database file inside it, e.g. "
                    + absolute.resolve("tandem.mv.db"));
        }
        String name = absolute.getFileName().toString();
        String baseName = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        if (baseName.isEmpty()) {
            throw new TandemException("'" + given + "' has no file name before " + SUFFIX + "; give a path such as "
                    + TandemStore.defaultPath());
        }
        // ';' separates settings in an H2 URL: a path containing one would change how the database is opened.
        if (absolute.toString().indexOf(';') >= 0) {
            throw new TandemException("database path '" + absolute + "' contains ';', which H2 cannot use in a file name;"
                    + " choose another --db");
        }
        Path base = absolute.resolveSibling(baseName);
        return new StoreLocation(base.resolveSibling(baseName + SUFFIX), base);
    }

    /** The seal beside the database: see {@link StoreSeal}. */
    Path sealFile() {
        return basePath.resolveSibling(basePath.getFileName() + ".seal");
    }

    Path directory() {
        return dbFile.getParent();
    }

    /** Files H2 may create next to the database: {@code <base>.mv.db}, {@code <base>.trace.db}, temporary files. */
    String filePrefix() {
        return basePath.getFileName().toString() + ".";
    }
}
