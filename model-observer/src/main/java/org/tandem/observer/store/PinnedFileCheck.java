package org.tandem.observer.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a model folder against the SHA-256 pins compiled into Tandem. Nothing in the folder itself is trusted: a
 * checksum file there (older Tandem versions wrote {@code SHA256SUMS}) is ignored, since whoever can change a weight file
 * can change it too.
 */
final class PinnedFileCheck {
    private PinnedFileCheck() {
    }

    /** Every reason the folder does not hold exactly the pinned bytes; empty means verified. */
    static List<String> problems(Path folder, Map<String, String> pins) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            Path file = folder.resolve(pin.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(pin.getKey() + " is missing");
            } else if (!sha256(file).equals(pin.getValue())) {
                problems.add(pin.getKey() + " does not match its pinned SHA-256");
            }
        }
        return problems;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
