package org.tandem.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tandem.observer.faceapi.FaceApiNetwork;

/** The figures of one {@code tandem bench observer} run with the machine and date, as text, Markdown or JSON. */
public record ObserverBenchReport(LocalDate date, BenchMachine machine, ObserverBenchSettings settings,
                                  List<ObserverTiming> results) {
    public ObserverBenchReport {
        results = List.copyOf(results);
    }

    /** The command line that measures these settings again. */
    public String command() {
        return "tandem bench observer --networks " + String.join(",", settings.networks()) + " --batches " + joined(settings.batches()) + " --threads "
                + joined(settings.threads()) + " --repeats " + settings.repeats() + " --warmup " + settings.warmup();
    }

    /** What each figure is, in one paragraph. */
    public String method() {
        return "Each figure: median (fastest-90th percentile) of " + settings.repeats() + " timed runs after "
                + settings.warmup() + " warm-up runs; on a busy machine the fastest run is the best estimate. Batches:"
                + " built-in synthetic face crops in, predictions out, so each network's preprocessing (face-api's pad to"
                + " square, resize and normalise; the human library's steps for human-models networks) and reading the"
                + " outputs are included (human:emotion: its output nodes; the other human-models networks: the default"
                + " layer their readouts read); ms per face = run time / batch size. Load: model cache verified"
                + " against its checksums, weights read, network built.";
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
        doc.put("results", results);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark results cannot be written as JSON", e);
        }
    }

    private BenchTable table() {
        List<String> header = new ArrayList<>(List.of("network", "PyTorch threads", "load ms"));
        for (int batch : settings.batches()) {
            header.add("batch " + batch + " ms/face");
        }
        BenchTable table = new BenchTable(header.toArray(String[]::new));
        for (ObserverTiming t : results) {
            List<String> row = new ArrayList<>(List.of(t.network(), Integer.toString(t.threads()), cell(t.load())));
            t.batches().forEach(b -> row.add(cell(b.msPerFace())));
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
