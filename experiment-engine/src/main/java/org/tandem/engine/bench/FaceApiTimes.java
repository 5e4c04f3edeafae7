package org.tandem.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.tandem.protocols.TandemException;

/**
 * face-api's times per network and batch as benchmarks/faceapi/time_faceapi.js prints them
 * ({@code {"networks": {NAME: {BATCH: {"median_ms_per_face": MS, "p90_ms_per_face": MS, "fastest_ms_per_face": MS,
 * "runs": N}}}, "node": ..., "tfjs": ...}}), so {@code tandem bench observer --faceapi FILE} can set them beside
 * Tandem's.
 *
 * @param source where they come from, as the report names it
 */
public record FaceApiTimes(String source, JsonNode networks) {
    static final String SCRIPT = "benchmarks/faceapi/time_faceapi.js";

    public static FaceApiTimes read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new TandemException(file + ": no such file (write it with node " + SCRIPT + " > " + file + ")");
        } catch (IOException e) {
            throw new TandemException(file + ": not JSON as " + SCRIPT + " writes it (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("networks").isObject()) {
            throw new TandemException(file + ": no \"networks\" object; write the file with node " + SCRIPT);
        }
        return new FaceApiTimes(file + " (" + versions(root) + ")", root.get("networks"));
    }

    /** "face-api 1.7.15, tfjs 4.22.0 wasm (SIMD), 1 thread, Node v20.20.2", from the script's own report. */
    static String versions(JsonNode about) {
        return "face-api " + about.path("faceApi").asText("?") + ", tfjs " + about.path("tfjs").asText("?") + " "
                + about.path("backend").asText("?") + (about.path("simd").asBoolean() ? " (SIMD)" : "") + ", "
                + about.path("threads").asText("?") + " thread, Node " + about.path("node").asText("?");
    }

    /** face-api's ms per face for that network and batch, if the file has them. */
    Optional<TimingStats> msPerFace(String network, int batch) {
        JsonNode b = networks.path(network).path(Integer.toString(batch));
        if (!b.path("median_ms_per_face").isNumber()) {
            return Optional.empty();
        }
        double median = b.get("median_ms_per_face").asDouble();
        return Optional.of(new TimingStats(median, b.path("p90_ms_per_face").asDouble(median),
                b.path("fastest_ms_per_face").asDouble(median), b.path("runs").asInt(0)));
    }
}
