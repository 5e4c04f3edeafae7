package org.tandem.observer.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts chosen regular files under one folder of a {@code .tgz} into a target folder, refusing path traversal in any
 * entry of that folder.
 */
final class TarballExtractor {
    private TarballExtractor() {
    }

    /**
     * @param wanted the names, relative to {@code prefix}, to extract; other files are skipped
     * @return the names (relative to {@code target}) of the files written
     */
    static List<String> extract(byte[] tgz, String prefix, Set<String> wanted, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        List<String> written = new ArrayList<>();
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(tgz));
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                String relative = entry.getName().substring(prefix.length());
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new IOException("tarball entry " + entry.getName() + " points outside " + prefix);
                }
                if (!wanted.contains(relative)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.copy(tar, destination);
                written.add(root.relativize(destination).toString().replace('\\', '/'));
            }
        }
        return written;
    }
}
