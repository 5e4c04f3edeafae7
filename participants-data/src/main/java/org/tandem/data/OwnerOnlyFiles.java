package org.tandem.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/**
 * Keeps the store private to its owner: directories Tandem creates are {@code rwx------}, database files {@code rw-------}.
 * On file systems without POSIX permissions (Windows) nothing is changed; the user's profile directory protects the files.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates the missing directories up to {@code dir}, each owner-only. Existing directories are left as they are. */
    static void createDirectories(Path dir) {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                if (posix(p.getParent())) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY));
                    Files.setPosixFilePermissions(p, DIRECTORY); // the umask may have removed bits; set exactly
                } else {
                    Files.createDirectory(p);
                }
                LOG.debug("created directory {}", p);
            } catch (FileAlreadyExistsException raced) {
                // another process created it in the meantime: fine
            } catch (IOException e) {
                throw new TandemException("cannot create directory " + p + " for the database (" + e.getMessage()
                        + "); check the permissions of its parent or use another --db", e);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new TandemException(dir + " is not a directory; use another --db");
        }
    }

    /**
     * Creates an empty database file, owner-only from the first moment, so that H2 never creates it with the default
     * permissions. H2 treats an empty file as a new database.
     *
     * @return whether this call created the file
     */
    static boolean createFileIfAbsent(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
            syncDirectory(file.getParent());
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false; // created by someone else in the meantime; permissions are set after opening
        } catch (IOException e) {
            throw new TandemException("cannot create database file " + file + " (" + e.getMessage()
                    + "); check the directory's permissions or use another --db", e);
        }
    }

    /**
     * Makes a new or renamed directory entry survive a power loss (Linux and macOS allow fsync on a directory; where
     * opening a directory fails, as on Windows, the file system journals entries itself).
     */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.getMessage());
        }
    }

    /** Removes a database file this process created empty, when opening it failed before H2 wrote anything. */
    static void deleteIfStillEmpty(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.debug("cannot remove empty {}: {}", file, e.getMessage());
        }
    }

    /** Sets one file to owner-only (a backup, a copy). */
    static void restrict(Path file) {
        try {
            if (posix(file.getParent()) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException e) {
            throw new TandemException("cannot make " + file + " owner-only (" + e.getMessage()
                    + "); check that you own it", e);
        }
    }

    /** Sets every file of the store ({@code <base>.*}) to owner-only. */
    static void restrictStoreFiles(StoreLocation location) {
        Path dir = location.directory();
        if (!posix(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, location.filePrefix() + "*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                    Files.setPosixFilePermissions(file, FILE);
                    LOG.debug("made {} owner-only", file);
                }
            }
        } catch (IOException e) {
            throw new TandemException("cannot make the database files in " + dir + " owner-only (" + e.getMessage()
                    + "); check that you own them", e);
        }
    }

    static boolean posix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
