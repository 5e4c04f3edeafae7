package org.tandem.data;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What a store's seal file vouches for: which database it belongs to, how many write transactions that database has
 * committed, and (for an encrypted database) a check of its password.
 *
 * <p>Why a file beside the database: H2's file format cannot tell a damaged newest chunk, or a file cut short, from an
 * older healthy state. Given either, H2 silently opens the last state it can read, and a session's newest trials are
 * gone without a word. Every write transaction increments a counter inside the database ({@link StoreState}) and, once
 * durable, the same count is written here; a database that holds fewer writes than its seal is refused.
 *
 * @param databaseId    the random id the database was created with
 * @param writes        the number of write transactions committed when the seal was written
 * @param passwordCheck PBKDF2 of the password, salted with the database id; null for an unencrypted database. It lets a
 *                      damaged encrypted file be told apart from a wrong password.
 */
record StoreSeal(String databaseId, long writes, String passwordCheck) {
    private static final String MAGIC = "tandem-seal/1";
    private static final int PBKDF2_ITERATIONS = 20_000;

    StoreSeal withWrites(long newWrites) {
        return new StoreSeal(databaseId, newWrites, passwordCheck);
    }

    static String passwordCheck(String databaseId, String password) {
        if (password == null) {
            return null;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), databaseId.getBytes(StandardCharsets.UTF_8),
                    PBKDF2_ITERATIONS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(key);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    boolean passwordMatches(String password) {
        return passwordCheck == null ? password == null : passwordCheck.equals(passwordCheck(databaseId, password));
    }

    /** One line: the fields, then a CRC32 of them, so a torn or damaged slot is recognised. */
    String toLine() {
        String body = MAGIC + " database=" + databaseId + " writes=" + writes + " password="
                + (passwordCheck == null ? "-" : passwordCheck);
        return body + " crc=" + crc(body);
    }

    /** The seal in a slot, or empty when the slot is blank, torn or damaged. */
    static Optional<StoreSeal> parse(String line) {
        String text = line.strip();
        int crcAt = text.lastIndexOf(" crc=");
        if (!text.startsWith(MAGIC + " ") || crcAt < 0 || !text.substring(crcAt + 5).equals(crc(text.substring(0, crcAt)))) {
            return Optional.empty();
        }
        String[] fields = text.substring(0, crcAt).split(" ");
        if (fields.length != 4 || !fields[1].startsWith("database=") || !fields[2].startsWith("writes=")
                || !fields[3].startsWith("password=")) {
            return Optional.empty();
        }
        try {
            String password = fields[3].substring("password=".length());
            return Optional.of(new StoreSeal(fields[1].substring("database=".length()),
                    Long.parseLong(fields[2].substring("writes=".length())), password.equals("-") ? null : password));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }
}
