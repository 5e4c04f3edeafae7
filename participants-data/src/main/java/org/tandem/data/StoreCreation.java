package org.tandem.data;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.tandem.protocols.TandemException;

/**
 * Creates a new database where no file exists. It is built under a temporary name (schema, count of writes, fsynced)
 * and only then linked to its real name, and sealed: a file at the real name is therefore always a complete Tandem
 * database, so a file there without Tandem's schema can only be damaged or foreign, and is refused.
 */
final class StoreCreation {
    private StoreCreation() {
    }

    static void create(StoreLocation location, String password) {
        OwnerOnlyFiles.createDirectories(location.directory());
        String name = location.basePath().getFileName() + ".creating-" + UUID.randomUUID();
        Path tempBase = location.basePath().resolveSibling(name);
        StoreLocation temp = new StoreLocation(tempBase.resolveSibling(name + StoreLocation.SUFFIX), tempBase);
        OwnerOnlyFiles.createFileIfAbsent(temp.dbFile());
        try {
            StoreState state = build(temp, password);
            install(temp.dbFile(), location.dbFile());
            try (SealFile seal = SealFile.open(location)) {
                seal.write(new StoreSeal(state.databaseId(), state.writes(),
                        StoreSeal.passwordCheck(state.databaseId(), password)));
            }
            OwnerOnlyFiles.restrictStoreFiles(location);
        } finally {
            deleteQuietly(temp.dbFile());
        }
    }

    private static StoreState build(StoreLocation temp, String password) {
        Connection c = H2Connector.connect(temp, password, false, new SealFile.Reading.Absent());
        try (c) {
            Migrations.migrate(H2Connector.target(temp.basePath(), password, false), temp);
            StoreState.increment(c);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            return StoreState.read(c);
        } catch (SQLException e) {
            throw StoreErrors.writeFailure("create the database " + temp.dbFile(), e);
        }
    }

    /** A hard link fails when the name is taken, so two processes creating one database cannot replace each other's. */
    private static void install(Path built, Path target) {
        try {
            try {
                Files.createLink(target, built);
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (noLinks instanceof FileAlreadyExistsException) {
                    throw (FileAlreadyExistsException) noLinks;
                }
                Files.move(built, target); // file systems without hard links; fails too when the name is taken
            }
            OwnerOnlyFiles.syncDirectory(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new TandemException("another process created " + target + " at the same moment; run the command again",
                    e);
        } catch (IOException e) {
            throw StoreErrors.writeFailure("create the database " + target, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless: its name never opens as the store
        }
    }
}
