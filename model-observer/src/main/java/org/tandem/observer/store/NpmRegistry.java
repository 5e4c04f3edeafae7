package org.tandem.observer.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads a package tarball from an npm registry over HTTPS: version metadata, then {@code dist.tarball}. */
final class NpmRegistry {
    static final URI PUBLIC = URI.create("https://registry.npmjs.org/");
    private static final Logger LOG = LoggerFactory.getLogger(NpmRegistry.class);

    /** What the registry says about one version. */
    record Dist(URI tarball, String integrity) {
    }

    private final URI registry;
    private final HttpClient http;

    NpmRegistry(URI registry) {
        this.registry = registry;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    URI registry() {
        return registry;
    }

    Dist dist(NpmPackage pkg) throws IOException {
        URI uri = pkg.metadataUri(registry);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode dist = new ObjectMapper().readTree(response.body()).path("dist");
        if (!dist.path("tarball").isTextual() || !dist.path("integrity").isTextual()) {
            throw new IOException("the registry's metadata at " + uri + " has no dist.tarball and dist.integrity");
        }
        return new Dist(URI.create(dist.get("tarball").asText()), dist.get("integrity").asText());
    }

    byte[] download(URI tarball) throws IOException {
        LOG.info("downloading {}", tarball);
        return send(HttpRequest.newBuilder(tarball).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        HttpResponse<T> response;
        try {
            response = http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + request.uri(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        return response;
    }
}
