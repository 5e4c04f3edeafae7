package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;

/** A password turns on AES file encryption; wrong or missing passwords are named as such. */
class EncryptionTest {
    private static final String CODE = "PLAINTEXTCODE42";
    private static final String PASSWORD = "s3cret-Pass";

    @TempDir
    Path dir;

    private static void storeParticipant(StoreOptions options) {
        try (TandemStore store = TandemStore.open(options)) {
            store.ensureParticipant(CODE, new Demographics(40, "female", "right"));
            store.startSession(Fixtures.human("pilot", CODE, 1));
        }
    }

    private static boolean fileContains(Path file, String text) throws IOException {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return content.contains(text);
    }

    @Test
    void theEncryptedFileHidesWhatThePlainFileShows() throws IOException {
        Path plain = dir.resolve("plain.mv.db");
        Path encrypted = dir.resolve("encrypted.mv.db");
        storeParticipant(StoreOptions.at(plain));
        storeParticipant(new StoreOptions(encrypted, PASSWORD));
        assertThat(fileContains(plain, CODE)).as("control: the unencrypted file shows the code").isTrue();
        assertThat(fileContains(encrypted, CODE)).isFalse();
        assertThat(fileContains(encrypted, "expression-abx")).isFalse();

        try (TandemStore store = TandemStore.open(new StoreOptions(encrypted, PASSWORD))) {
            assertThat(store.encrypted()).isTrue();
            assertThat(store.sessions()).singleElement().extracting(SessionSummary::participant).isEqualTo(CODE);
            assertThat(store.demographics(CODE)).contains(new Demographics(40, "female", "right"));
        }
        StoreCompaction.compact(new StoreOptions(encrypted, PASSWORD));
        assertThat(fileContains(encrypted, CODE)).as("still encrypted after compaction").isFalse();
        try (TandemStore store = TandemStore.open(new StoreOptions(encrypted, PASSWORD))) {
            assertThat(store.sessions()).hasSize(1);
        }
    }

    @Test
    void wrongMissingAndUnneededPasswordsAreReportedClearly() {
        Path plain = dir.resolve("plain.mv.db");
        Path encrypted = dir.resolve("encrypted.mv.db");
        storeParticipant(StoreOptions.at(plain));
        storeParticipant(new StoreOptions(encrypted, PASSWORD));

        assertThatThrownBy(() -> TandemStore.open(new StoreOptions(encrypted, "wrong-password")))
                .isInstanceOf(TandemException.class)
                .hasMessageStartingWith("wrong database password for " + encrypted.toAbsolutePath())
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TandemStore.open(StoreOptions.at(encrypted)))
                .isInstanceOf(TandemException.class)
                .hasMessage(encrypted.toAbsolutePath() + " is encrypted; give its password with --db-password or the"
                        + " TANDEM_DB_PASSWORD environment variable");
        assertThatThrownBy(() -> TandemStore.open(new StoreOptions(plain, PASSWORD)))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(plain.toAbsolutePath() + " is not encrypted, but a database password was given");
        assertThatThrownBy(() -> TandemStore.open(new StoreOptions(dir.resolve("new.mv.db"), "has space")))
                .isInstanceOf(TandemException.class).hasMessageContaining("contains a space");
        assertThat(dir.resolve("new.mv.db")).as("nothing is created for a refused password").doesNotExist();
        // after all the refusals both stores still open with the right settings
        try (TandemStore store = TandemStore.open(new StoreOptions(encrypted, PASSWORD))) {
            assertThat(store.sessions()).hasSize(1);
        }
        try (TandemStore store = TandemStore.open(StoreOptions.at(plain))) {
            assertThat(store.sessions()).hasSize(1);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws IOException {
        Path notes = dir.resolve("notes.mv.db");
        Files.writeString(notes, "shopping list");
        assertThatThrownBy(() -> TandemStore.open(StoreOptions.at(notes)))
                .isInstanceOf(TandemException.class).hasMessageContaining("is not a Tandem database, or its first block is damaged");
        assertThat(Files.readString(notes)).isEqualTo("shopping list");
    }

    /**
     * H2 cannot tell a wrong key from damaged encrypted blocks; the seal's password check can. Its first encrypted block
     * (the store header) is overwritten, so nothing in the file decrypts to a header any more.
     */
    @Test
    void aDamagedEncryptedFileIsToldApartFromAWrongPasswordByItsSeal() throws IOException {
        Path file = dir.resolve("secret.mv.db");
        StoreOptions options = new StoreOptions(file, PASSWORD);
        storeParticipant(options);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < 3 * 4096; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> TandemStore.open(new StoreOptions(file, "not-the-password")))
                .isInstanceOf(TandemException.class).hasMessageStartingWith("wrong database password for");
        assertThatThrownBy(() -> TandemStore.openForReading(options))
                .isInstanceOf(TandemException.class).hasMessageContaining(" is damaged: ")
                .hasMessageNotContaining("password is wrong");

        Files.delete(dir.resolve("secret.seal")); // without the seal, H2's error cannot say which it is
        assertThatThrownBy(() -> TandemStore.openForReading(options))
                .isInstanceOf(TandemException.class)
                .satisfies(e -> assertThat(e.getMessage()).satisfiesAnyOf(
                        m -> assertThat(m).contains("either the password is wrong or the file is damaged"),
                        m -> assertThat(m).contains(" is damaged: ")));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void optionsNeverShowThePassword() {
        assertThat(new StoreOptions(dir, PASSWORD).toString()).doesNotContain(PASSWORD).contains("encrypted=true");
        assertThat(new StoreOptions(dir, "").encrypted()).isFalse();
    }
}
