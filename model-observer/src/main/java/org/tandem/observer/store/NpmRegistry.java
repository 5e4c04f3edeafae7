package org.tandem.observer.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/** Downloads a package tarball from an npm registry over HTTPS: version metadata, then {@code dist.tarball}. */
final class NpmRegistry {
    static final URI PUBLIC = URI.create("https://registry.npmjs.org/");
    /** A registry (e.g. a company's npm mirror) in place of the public one; the property wins over the variable. */
    static final String PROPERTY = "tandem.npm.registry";
    static final String VARIABLE = "TANDEM_NPM_REGISTRY";
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

    /** The registry to use: {@code -Dtandem.npm.registry}, else {@code $TANDEM_NPM_REGISTRY}, else the public one. */
    static URI configured() {
        return configured(System.getProperty(PROPERTY), System.getenv());
    }

    static URI configured(String property, Map<String, String> environment) {
        String chosen = property != null && !property.isBlank() ? property : environment.get(VARIABLE);
        if (chosen == null || chosen.isBlank()) {
            return PUBLIC;
        }
        try {
            URI uri = URI.create(chosen.trim());
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with what to write instead
        }
        String source = property != null && !property.isBlank() ? "-D" + PROPERTY : VARIABLE;
        throw new TandemException("the npm registry '" + chosen + "' given by " + source + " is not an http(s) URL;"
                + " give one such as " + PUBLIC + ", or unset " + source + " to use it");
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

    byte[] download(URI tarball, DownloadProgress progress) throws IOException {
        LOG.info("downloading {}", tarball);
        // the timeout is for the response to start; a large package then streams as long as bytes keep coming
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(tarball).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long total = response.headers().firstValueAsLong("content-length").orElse(-1);
        progress.started(tarball.getPath().substring(tarball.getPath().lastIndexOf('/') + 1), total);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(total > 0 && total < Integer.MAX_VALUE ? (int) total : 1 << 20);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                progress.read(bytes.size());
            }
        } finally {
            progress.finished();
        }
        return bytes.toByteArray();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        HttpResponse<T> response;
        try {
            response = http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + request.uri(), e);
        } catch (IOException e) {
            throw new IOException("cannot reach " + request.uri().getHost() + " (" + ConnectionFailure.reason(e,
                    request.uri()) + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        return response;
    }
}
