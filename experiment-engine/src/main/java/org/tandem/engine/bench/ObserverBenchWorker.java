package org.tandem.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.observer.faceapi.InferenceEngine;
import org.tandem.observer.nn.onnx.OrtNet;
import org.tandem.protocols.TandemException;

/**
 * The benchmark at a PyTorch thread count other than this JVM's, run in a child JVM started with that count. The parent
 * passes the settings as one JSON argument; the child prints {@value #STEP} after each progress step and then one JSON line
 * per {@link ObserverTiming}.
 */
public final class ObserverBenchWorker {
    static final String STEP = "#";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObserverBenchWorker() {
    }

    /** Measures {@code settings} (one thread count) in a child JVM whose PyTorch engine starts with that many threads. */
    static List<ObserverTiming> runInChild(ObserverBenchSettings settings, Runnable step) {
        int threads = settings.threads().get(0);
        List<ObserverTiming> timings = new ArrayList<>();
        ChildJvm.run("the " + threads + "-thread benchmark", ObserverBenchWorker.class,
                Map.of("ai.djl.offline", "true",
                        "ai.djl.pytorch.num_threads", Integer.toString(threads),
                        "ai.djl.pytorch.num_interop_threads", "1",
                        InferenceEngine.PROPERTY, InferenceEngine.current().key(),
                        OrtNet.OPTIMIZATION, System.getProperty(OrtNet.OPTIMIZATION, "all")),
                List.of(write(settings)),
                line -> {
                    if (line.equals(STEP)) {
                        step.run();
                    } else {
                        timings.add(read(line));
                    }
                });
        return timings;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            if (args.length != 1) {
                throw new TandemException("usage: ObserverBenchWorker SETTINGS_JSON");
            }
            ObserverBenchSettings settings = JSON.readValue(args[0], ObserverBenchSettings.class);
            for (ObserverTiming timing : ObserverBenchmark.run(settings, () -> {
                out.println(STEP);
                out.flush();
            })) {
                out.println(JSON.writeValueAsString(timing));
            }
            out.flush();
        } catch (TandemException | JsonProcessingException e) {
            System.err.println("tandem: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.err.println("tandem: internal error: " + e);   // the last line is what the parent reports
            System.exit(1);
        }
    }

    private static String write(ObserverBenchSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark settings cannot be written as JSON", e);
        }
    }

    private static ObserverTiming read(String line) {
        try {
            return JSON.readValue(line, ObserverTiming.class);
        } catch (JsonProcessingException e) {
            throw new TandemException("the benchmark's separate JVM printed an unexpected line: " + line, e);
        }
    }
}
