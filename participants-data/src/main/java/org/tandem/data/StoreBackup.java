package org.tandem.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tandem.protocols.TandemException;

/**
 * Backups of a store and their restore. A backup is H2's {@code BACKUP TO}: a zip holding one consistent copy of the
 * database file, taken while the store is open (the file is copy-on-write, so the copy is one committed state). Every
 * backup is checked after it is written, by opening the copy inside it; a restore checks it again before it puts it in
 * place, and never deletes the file it replaces.
 */
final class StoreBackup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private StoreBackup() {
    }

    static BackupSummary backup(Db db, Path to, String password) {
        Path target = to.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new TandemException("backup file " + target + " exists already; choose a new name, backups are never"
                    + " overwritten");
        }
        if (!target.getFileName().toString().endsWith(".zip")) {
            throw new TandemException("backup file " + target + " must end in .zip (it is a zip holding the database)");
        }
        OwnerOnlyFiles.createDirectories(target.getParent());
        db.read("back up the database to " + target, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
            return null;
        });
        OwnerOnlyFiles.restrict(target);
        OwnerOnlyFiles.syncDirectory(target.getParent());
        return check(target, password);
    }

    /** Backs up into {@code dir} under a time-stamped name and keeps only the newest {@code keep} backups there. */
    static BackupSummary backupInto(Db db, Path dir, int keep, String password) {
        if (keep < 1) {
            throw new TandemException("--keep-backups must be at least 1, not " + keep);
        }
        String prefix = db.location().basePath().getFileName() + "-";
        BackupSummary summary = backup(db, dir.resolve(prefix + STAMP.format(Instant.now()) + ".zip"), password);
        List<Path> backups = new ArrayList<>();
        try (var files = Files.newDirectoryStream(dir, prefix + "*.zip")) {
            files.forEach(backups::add);
        } catch (IOException e) {
            throw new TandemException("cannot list the backups in " + dir + " (" + e.getMessage() + ")", e);
        }
        backups.sort(null); // time-stamped names sort oldest first
        for (int i = 0; i < backups.size() - keep; i++) {
            try {
                Files.delete(backups.get(i));
            } catch (IOException e) {
                throw new TandemException("cannot remove the old backup " + backups.get(i) + " (" + e.getMessage() + ")",
                        e);
            }
        }
        return summary;
    }

    /** Opens the database inside a backup read-only and checks it whole; returns what it holds. */
    static BackupSummary check(Path backup, String password) {
        Path folder = temporaryFolderBeside(backup);
        try {
            Path copy = extract(backup, folder);
            Contents contents = inspect(backup, copy, password);
            return new BackupSummary(backup, size(backup), contents.sessions(), contents.trials());
        } finally {
            deleteRecursively(folder);
        }
    }

    /**
     * Puts the database in {@code backup} at {@code target}. An existing database there is refused unless
     * {@code replace}; then it is renamed aside ({@code <name>.replaced-<time>.mv.db}, with its seal), never deleted.
     */
    static BackupSummary restore(Path backup, StoreOptions target, boolean replace) {
        if (target.onServer()) {
            throw new TandemException("cannot restore into " + target.name() + ": a Tandem backup is an H2 file; restore it"
                    + " to a file and `tandem db push` it to the server (see docs/LAB-SERVER.md)");
        }
        StoreLocation location = StoreLocation.of(target.path());
        boolean occupied = Files.exists(location.dbFile()) || Files.exists(location.sealFile());
        if (occupied && !replace) {
            throw new TandemException(location.dbFile() + " exists; restoring would replace it. Give another --db, or"
                    + " --force to keep the present file aside as " + location.basePath().getFileName()
                    + ".replaced-<time>.mv.db and restore in its place");
        }
        OwnerOnlyFiles.createDirectories(location.directory());
        Path folder = temporaryFolderBeside(location.dbFile());
        try {
            Path copy = extract(backup, folder);
            Contents contents = inspect(backup, copy, target.password());
            StoreState state = contents.state();
            if (occupied) {
                String aside = location.basePath().getFileName() + ".replaced-" + STAMP.format(Instant.now());
                moveIfPresent(location.dbFile(), location.directory().resolve(aside + StoreLocation.SUFFIX));
                moveIfPresent(location.sealFile(), location.directory().resolve(aside + ".seal"));
            }
            Files.move(copy, location.dbFile());
            OwnerOnlyFiles.syncDirectory(location.directory());
            if (state != null) {
                try (SealFile seal = SealFile.open(location)) {
                    seal.write(new StoreSeal(state.databaseId(), state.writes(),
                            StoreSeal.passwordCheck(state.databaseId(), target.password())));
                }
            }
            OwnerOnlyFiles.restrictStoreFiles(location);
            return new BackupSummary(location.dbFile(), size(location.dbFile()), contents.sessions(), contents.trials());
        } catch (FileAlreadyExistsException e) {
            throw new TandemException("another process created " + location.dbFile() + " during the restore; nothing"
                    + " was replaced, run the restore again", e);
        } catch (IOException e) {
            throw StoreErrors.writeFailure("restore " + backup + " to " + location.dbFile(), e);
        } finally {
            deleteRecursively(folder);
        }
    }

    /** What a checked copy holds; {@code state} is null for a copy from before schema version 2. */
    private record Contents(long sessions, long trials, StoreState state) {
    }

    /** Opens the copy read-only, which checks it whole, and counts what it holds. */
    private static Contents inspect(Path backup, Path copy, String password) {
        try (Db db = StoreOpener.open(new StoreOptions(copy, password), false)) {
            return db.read("read what the backup holds", c -> {
                long sessions;
                long trials;
                try (Statement s = c.createStatement();
                     var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM trial)")) {
                    rs.next();
                    sessions = rs.getLong(1);
                    trials = rs.getLong(2);
                }
                StoreState state;
                try {
                    state = StoreState.read(c);
                } catch (SQLException schemaVersionOne) {
                    state = null; // the restored file gets its count of writes and seal when it is first opened to write
                }
                return new Contents(sessions, trials, state);
            });
        } catch (TandemException e) {
            throw new TandemException("the backup " + backup + " does not hold a healthy Tandem database ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The one {@code .mv.db} entry of a backup zip, written into {@code folder}. */
    private static Path extract(Path backup, Path folder) {
        if (!Files.isRegularFile(backup)) {
            throw new TandemException("no backup file at " + backup + "; give the .zip that tandem db backup wrote");
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry database = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(StoreLocation.SUFFIX) && !entry.getName().contains("/")) {
                    if (database != null) {
                        throw new TandemException(backup + " holds more than one database; give a backup tandem db"
                                + " backup wrote");
                    }
                    database = entry;
                }
            }
            if (database == null) {
                throw new TandemException(backup + " is not a Tandem backup (it holds no .mv.db file)");
            }
            Path copy = folder.resolve("restoring" + StoreLocation.SUFFIX);
            try (InputStream in = zip.getInputStream(database)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING); // a damaged zip fails its CRC here
            }
            OwnerOnlyFiles.restrict(copy);
            return copy;
        } catch (IOException e) {
            throw new TandemException("cannot read the backup " + backup + " (" + e.getMessage()
                    + "); it is damaged or not a zip", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TandemException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static Path temporaryFolderBeside(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        Path folder = parent.resolve("." + file.getFileName() + ".work-" + UUID.randomUUID());
        OwnerOnlyFiles.createDirectories(folder);
        return folder;
    }

    private static void moveIfPresent(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a leftover work folder holds only a copy of a backup
        }
    }
}
