package org.tandem.engine.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.tandem.protocols.TandemException;

/**
 * The secret every request to the dashboard carries. Compared in constant time, so the time a wrong guess takes says
 * nothing about how much of it was right.
 */
public final class AccessToken {
    /** Characters that go into a URL as they are, and enough of them to be hard to guess. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._~-]{16,}");

    private final byte[] value;
    private final String text;

    private AccessToken(String text) {
        this.text = text;
        this.value = text.getBytes(StandardCharsets.UTF_8);
    }

    /** A new random 128-bit token, in hex. */
    public static AccessToken random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(HexFormat.of().formatHex(bytes));
    }

    /** A token chosen by the user, checked to be long enough and to go into a URL unescaped. */
    public static AccessToken of(String text) {
        if (!ACCEPTED.matcher(text).matches()) {
            throw new TandemException("--token must be at least 16 characters of letters, digits and . _ ~ -");
        }
        return new AccessToken(text);
    }

    /** Whether {@code candidate} (possibly null) is this token. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value, candidate.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return text;
    }
}
