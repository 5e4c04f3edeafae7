package org.tandem.stimuli.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tandem.protocols.TandemException;

/**
 * The files of a set's folder and its subfolders (published sets such as KDEF keep one folder per person), as relative
 * paths with {@code /}, sorted. Hidden files and folders (names starting with a dot, such as {@code .DS_Store} or the
 * temporary files of an unfinished write) are left out, and so are the given manifest files.
 */
final class FolderFiles {

    private static final int MAX_DEPTH = 8;

    private FolderFiles() {
    }

    static List<String> list(Path root, Set<Path> excluded) {
        Path base = root.toAbsolutePath().normalize();
        Set<Path> skip = excluded.stream().map(p -> p.toAbsolutePath().normalize()).collect(java.util.stream.Collectors.toSet());
        try (Stream<Path> walk = Files.walk(base, MAX_DEPTH)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !skip.contains(p))
                    .map(base::relativize)
                    .filter(FolderFiles::visible)
                    .map(FolderFiles::slashed)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new TandemException("cannot list the stimulus folder " + root + " (" + e.getMessage()
                    + "); check that it exists and is readable", e);
        }
    }

    static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static boolean visible(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
