package org.tandem.observer.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One published npm package version and the sha512 integrity we expect of its tarball. The integrity is pinned here, not
 * taken from the registry alone, so a registry that serves a different tarball under the same version is refused.
 */
public record NpmPackage(String name, String version, String integrity) {
    /** The face-api weights: {@code package/model/*} of this tarball. */
    public static final NpmPackage FACE_API = new NpmPackage("@vladmandic/face-api", "1.7.15",
            "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==");

    public NpmPackage {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("only sha512 integrity strings are supported, got " + integrity);
        }
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
