package org.tandem.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tandem.protocols.TandemException;

/** Tells from its first bytes what kind of file a database file is, before H2 opens it. */
final class H2Files {
    /** An unencrypted MVStore file starts with its text header. */
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    /** An H2 file encrypted with CIPHER=AES starts with this marker, followed by its salt. */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    enum Kind { NEW, PLAIN, ENCRYPTED, FOREIGN }

    private H2Files() {
    }

    static Kind kind(Path dbFile) {
        if (!Files.exists(dbFile)) {
            return Kind.NEW;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(dbFile)) {
            head = in.readNBytes(ENCRYPTED_HEADER.length);
        } catch (IOException e) {
            throw new TandemException("cannot read database file " + dbFile + " (" + e.getMessage()
                    + "); check that you own it", e);
        }
        if (head.length == 0) {
            return Kind.NEW; // created empty (owner-only) and never written
        }
        if (startsWith(head, ENCRYPTED_HEADER)) {
            return Kind.ENCRYPTED;
        }
        if (startsWith(head, PLAIN_HEADER)) {
            return Kind.PLAIN;
        }
        return Kind.FOREIGN;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
