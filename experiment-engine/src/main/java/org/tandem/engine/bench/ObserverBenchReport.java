package org.tandem.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one {@code tandem bench observer} run with the machine and date, as text, Markdown or JSON.
 *
 * @param faceApi where face-api's figures come from and the option that gave them (null without)
 */
public record ObserverBenchReport(LocalDate date, BenchMachine machine, ObserverBenchSettings settings,
                                  List<ObserverTiming> results, FaceApiSource faceApi) {
    /** face-api's figures: the command-line option that brought them and what measured them. */
    public record FaceApiSource(String option, String measuredBy) {
    }

    public ObserverBenchReport {
        results = List.copyOf(results);
    }

    /** The command line that measures these settings again. */
    public String command() {
        return "tandem bench observer --networks " + String.join(",", settings.networks()) + " --batches "
                + joined(settings.batches()) + " --threads " + joined(settings.threads()) + " --repeats "
                + settings.repeats() + " --warmup " + settings.warmup() + (faceApi == null ? "" : " " + faceApi.option());
    }

    /** What each figure is, in one paragraph. */
    public String method() {
        return "Each figure: median (fastest-90th percentile) of " + settings.repeats() + " timed runs after "
                + settings.warmup() + " warm-up runs; on a busy machine the fastest run is the best estimate. Batches:"
                + " built-in synthetic face crops in, predictions out, so each network's preprocessing (face-api's pad to"
                + " square, resize and normalise; the human library's steps for human-models networks) and reading the"
                + " outputs are included (human:emotion: its output nodes; the other human-models networks: the default"
                + " layer their readouts read); ms per face = run time / batch size. Load: model cache verified"
                + " against its checksums, weights read, network built (ONNX Runtime's session is made on the first"
                + " run, a warm-up run). GFLOP/s: the network's floating-point work per face (2 per multiply-add of its"
                + " convolutions and matrix products, counted from its layers) / the median ms per face, against a peak"
                + " of " + String.format(Locale.ROOT, "%.1f", machine.peak().gflops(1)) + " GFLOP/s per thread: "
                + machine.peak().basis() + "." + (faceApi == null ? "" : " face-api: " + faceApi.measuredBy()
                + ", the same work (tensors from the crops' bytes, its own pad, resize and normalisation, forward"
                + " pass, outputs read into JS arrays); \u00d7 face-api: its median ms per face / Tandem's (fastest"
                + " / fastest in brackets).");
    }

    public String text() {
        return "Networks on " + machine.describe() + ", " + date + "\n" + method() + "\n\n" + table().text();
    }

    public String markdown() {
        return "### " + date + ", " + machine.describe() + "\n\n`" + command() + "`. " + method() + "\n\n"
                + table().markdown();
    }

    public String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", date.toString());
        doc.put("machine", machine);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("networks", settings.networks());
        run.put("batches", settings.batches());
        run.put("threads", settings.threads());
        run.put("repeats", settings.repeats());
        run.put("warmup", settings.warmup());
        run.put("command", command());
        doc.put("settings", run);
        doc.put("method", method());
        if (faceApi != null) {
            doc.put("faceApi", faceApi.measuredBy());
        }
        doc.put("peakGflopsPerThread", machine.peak().gflops(1));
        doc.put("results", results);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark results cannot be written as JSON", e);
        }
    }

    private BenchTable table() {
        boolean flops = results.stream().anyMatch(t -> t.flopsPerFace() != null);
        boolean versus = results.stream().flatMap(t -> t.batches().stream()).anyMatch(b -> b.faceApi() != null);
        List<String> header = new ArrayList<>(List.of("network", "engine", "threads", "load ms"));
        if (flops) {
            header.add("MFLOP/face");
        }
        for (int batch : settings.batches()) {
            header.add("batch " + batch + " ms/face");
            if (flops) {
                header.add("batch " + batch + " GFLOP/s (% of peak)");
            }
            if (versus) {
                header.add("batch " + batch + " face-api ms/face");
                header.add("batch " + batch + " \u00d7 face-api");
            }
        }
        BenchTable table = new BenchTable(header.toArray(String[]::new));
        double peak = machine.peak().gflops(1);
        for (ObserverTiming t : results) {
            List<String> row = new ArrayList<>(List.of(t.network(), t.engine(), Integer.toString(t.threads()),
                    cell(t.load())));
            if (flops) {
                row.add(t.flopsPerFace() == null ? "-" : String.format(Locale.ROOT, "%.0f", t.flopsPerFace() / 1e6));
            }
            for (BatchTiming b : t.batches()) {
                row.add(cell(b.msPerFace()));
                if (flops) {
                    double g = t.gflops(b);
                    row.add(Double.isNaN(g) ? "-" : String.format(Locale.ROOT, "%.1f (%.0f %%)", g,
                            100 * g / (peak * t.threads())));
                }
                if (versus) {
                    row.add(b.faceApi() == null ? "-" : cell(b.faceApi()));
                    row.add(b.faceApi() == null ? "-" : String.format(Locale.ROOT, "%.1f (%.1f)", b.speedUp(),
                            b.fastestSpeedUp()));
                }
            }
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    private static String cell(TimingStats stats) {
        return BenchTable.millis(stats.medianMs()) + " (" + BenchTable.millis(stats.minMs()) + "-"
                + BenchTable.millis(stats.p90Ms()) + ")";
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
