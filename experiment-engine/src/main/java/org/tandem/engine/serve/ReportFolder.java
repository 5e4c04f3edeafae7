package org.tandem.engine.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The folder {@code tandem analyze --out} wrote, served read-only: a requested file is found only inside it, after
 * {@code ..} and links are resolved, so no request reaches a file elsewhere.
 */
final class ReportFolder {
    static final String REPORT = "report.html";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "json", "application/json", "csv", "text/csv; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "txt", "text/plain; charset=utf-8");

    private final Path root;

    /** @param root an existing folder */
    ReportFolder(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** The regular file at {@code relative} inside the folder, or empty when there is none or it lies outside. */
    Optional<Path> file(String relative) {
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** When report.html was last written, or null while the folder has none. */
    Instant reportWrittenAt() {
        try {
            return Files.getLastModifiedTime(root.resolve(REPORT)).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
