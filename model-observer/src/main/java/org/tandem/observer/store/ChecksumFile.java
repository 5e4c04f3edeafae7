package org.tandem.observer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code SHA256SUMS} file of a cached model folder, in the format of {@code sha256sum} ({@code <hex>  <name>}). It is
 * written last, after every model file, so a folder without it was never completely installed.
 */
final class ChecksumFile {
    static final String NAME = "SHA256SUMS";

    private ChecksumFile() {
    }

    static void write(Path folder, List<String> files) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : files.stream().sorted().toList()) {
            text.append(sha256(folder.resolve(file))).append("  ").append(file).append('\n');
        }
        Files.writeString(folder.resolve(NAME), text, StandardCharsets.UTF_8);
    }

    /** The files listed, name to expected hex SHA-256; empty when the checksum file is missing. */
    static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return expected;
        }
        for (String line : lines) {
            int gap = line.indexOf("  ");
            if (gap == 64) {
                expected.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        return expected;
    }

    /** Every reason the folder does not match its checksum file; empty means verified. */
    static List<String> problems(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = read(folder);
        if (expected.isEmpty()) {
            problems.add("no " + NAME + " (the download never finished)");
            return problems;
        }
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path path = folder.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                problems.add(file.getKey() + " is missing");
            } else if (!sha256(path).equals(file.getValue())) {
                problems.add(file.getKey() + " does not match its SHA-256");
            }
        }
        return problems;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
