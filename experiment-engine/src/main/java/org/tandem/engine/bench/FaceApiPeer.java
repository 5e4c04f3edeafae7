package org.tandem.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tandem.protocols.TandemException;

/**
 * face-api in Node (benchmarks/faceapi/time_faceapi.js --serve), kept running beside the benchmark so that its runs
 * can alternate with Tandem's in small groups: both then see the same load on the machine, which on a shared machine
 * moves more than either figure. Node waits on its standard input while Tandem runs, so the two never compete.
 */
public final class FaceApiPeer implements AutoCloseable {
    /** The networks face-api has, by the names both sides use. */
    static final Set<String> NETWORKS = Set.of("expression", "recognition", "agegender", "landmarks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Path errors;
    private final String about;

    private FaceApiPeer(Process process, Path errors) throws IOException {
        this.process = process;
        this.errors = errors;
        this.out = process.inputReader(StandardCharsets.UTF_8);
        this.in = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        this.about = FaceApiTimes.versions(JSON.readTree(line()));
    }

    /**
     * Starts the script in {@code folder} (where {@code npm ci} has installed its packages) on the weights in
     * {@code models}, with crops of the given size.
     */
    static FaceApiPeer start(Path folder, Path models, int cropWidth, int cropHeight) {
        Path script = folder.resolve("time_faceapi.js");
        if (!Files.isRegularFile(script) || !Files.isDirectory(folder.resolve("node_modules"))) {
            throw new TandemException("--faceapi-node " + folder + ": no time_faceapi.js with its node_modules there;"
                    + " run npm ci in benchmarks/faceapi and name that folder");
        }
        Path errors = null;
        try {
            errors = Files.createTempFile("tandem-faceapi-", ".err");
            Process p = new ProcessBuilder(List.of("node", script.toString(), "--serve", "--models", models.toString(),
                    "--crop", cropWidth + "x" + cropHeight)).redirectError(errors.toFile()).start();
            try {
                return new FaceApiPeer(p, errors);
            } catch (RuntimeException e) {
                p.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new TandemException("cannot run face-api in Node (" + e.getMessage() + "); is node on the PATH?", e);
        }
    }

    /** The versions Node reported, for the report. */
    public String about() {
        return about;
    }

    /** Runs {@code runs} timed runs of the network on {@code batch} crops; each run's milliseconds per face. */
    double[] msPerFace(String network, int batch, int runs) {
        in.println("time " + network + " " + batch + " " + runs);
        try {
            JsonNode ms = JSON.readTree(line()).path("ms");
            double[] perFace = new double[ms.size()];
            for (int i = 0; i < perFace.length; i++) {
                perFace[i] = ms.get(i).asDouble() / batch;
            }
            return perFace;
        } catch (IOException e) {
            throw new TandemException("face-api in Node answered what Tandem cannot read: " + e.getMessage(), e);
        }
    }

    private String line() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new TandemException("face-api in Node stopped: " + lastError());
        }
        return line;
    }

    private String lastError() throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "it printed no error" : lines.get(lines.size() - 1);
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(errors);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
