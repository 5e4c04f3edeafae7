package org.tandem.observer.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.tandem.protocols.TandemException;

/** Checks downloaded bytes against an npm Subresource-Integrity string ({@code sha512-<base64>}). */
public final class TarballIntegrity {
    private TarballIntegrity() {
    }

    /** The integrity string npm would publish for {@code bytes}. */
    public static String of(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every Java platform", e);
        }
    }

    /**
     * @throws TandemException when the bytes do not hash to {@code expected}; nothing from them may be used
     */
    public static void verify(byte[] bytes, String expected, String source) {
        String actual = of(bytes);
        if (!actual.equals(expected)) {
            throw new TandemException("the download from " + source + " (" + bytes.length + " bytes) fails its integrity check:"
                    + " expected " + expected + ", got " + actual + "; it was discarded, run `tandem models fetch` again"
                    + " (if it keeps failing, a proxy or mirror is altering the file)");
        }
    }
}
