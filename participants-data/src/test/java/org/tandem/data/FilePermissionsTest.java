package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The directories Tandem creates and every database file are private to their owner. */
class FilePermissionsTest {
    private static final Set<PosixFilePermission> RWX_OWNER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> RW_OWNER = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(OwnerOnlyFiles.posix(dir), "POSIX permissions");
    }

    @Test
    void createdDirectoriesAndDatabaseFilesAreOwnerOnly() throws Exception {
        Set<PosixFilePermission> existingBefore = Files.getPosixFilePermissions(dir);
        Path file = dir.resolve("lab").resolve("tandem").resolve("tandem.mv.db");
        try (TandemStore store = Fixtures.open(file)) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("lab"))).isEqualTo(RWX_OWNER);
            assertThat(Files.getPosixFilePermissions(dir.resolve("lab/tandem"))).isEqualTo(RWX_OWNER);
            assertStoreFilesOwnerOnly(file.getParent());
            store.startSession(Fixtures.model("pilot", 1));
        }
        assertStoreFilesOwnerOnly(file.getParent());
        assertThat(Files.getPosixFilePermissions(dir)).as("a directory Tandem did not create is left alone")
                .isEqualTo(existingBefore);

        StoreCompaction.compact(StoreOptions.at(file));
        assertStoreFilesOwnerOnly(file.getParent());
    }

    @Test
    void anExistingDatabaseFileIsMadeOwnerOnlyWhenOpened() throws Exception {
        Path file = dir.resolve("old.mv.db");
        try (TandemStore store = Fixtures.open(file)) {
            store.ensureStudy("pilot");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (TandemStore store = Fixtures.open(file)) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(RW_OWNER);
        }
    }

    private static void assertStoreFilesOwnerOnly(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty().allSatisfy(f ->
                    assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(RW_OWNER));
        }
    }
}
