package org.tandem.observer.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tandem models list} shows of one cached package: its folder, the pinned files present with their sizes,
 * and whether every pinned file is there with its pinned SHA-256 (the reasons when not).
 */
public record CachedModelSet(String name, Path folder, List<CachedFile> files, List<String> problems) {
    public CachedModelSet {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public record CachedFile(String name, long bytes) {
    }

    public boolean verified() {
        return problems.isEmpty();
    }

    public long totalBytes() {
        return files.stream().mapToLong(CachedFile::bytes).sum();
    }
}
