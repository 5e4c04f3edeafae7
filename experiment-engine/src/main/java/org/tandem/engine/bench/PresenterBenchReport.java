package org.tandem.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.presenter.RefreshCheck;

/** The figures of one {@code tandem bench presenter} run with the machine, renderer and date. */
public record PresenterBenchReport(LocalDate date, String cpu, int cores, String java, String renderer, String platform,
                                   String window, RefreshCheck refreshCheck, List<PresenterFrameFigures> figures) {
    public PresenterBenchReport {
        figures = List.copyOf(figures);
    }

    public String machine() {
        return cpu + ", " + cores + (cores == 1 ? " core" : " cores") + ", Java " + java + ", " + renderer + ", "
                + platform + " " + window;
    }

    public String method() {
        return "Each scene: " + PresenterBenchmark.WARM_UP_FRAMES + " untimed frames, then the timed ones through the"
                + " presenter's frame loop (poll input, draw, submit, swap + glFinish, flip timestamp). Work = render-thread"
                + " time per frame up to the swap. Missed = flip intervals over 1.5 x the refresh check's mean interval"
                + " (refresh check: " + refreshCheck.describe() + "). Allocation = Java heap bytes the render thread"
                + " allocated per frame; GCs = collections during the timed frames. Target on llvmpipe: work p99 <= 2 ms,"
                + " no GC pause over 1 ms.";
    }

    public String text() {
        return "presenter frame loop on " + machine() + ", " + date + "\n" + method() + "\n\n" + table().text()
                + verdict() + "\n";
    }

    public String markdown() {
        return "### " + date + ", " + machine() + "\n\n`tandem bench presenter --frames " + figures.get(0).frames()
                + "`. " + method() + "\n\n" + table().markdown() + "\n" + verdict() + "\n";
    }

    public String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", date.toString());
        doc.put("cpu", cpu);
        doc.put("cores", cores);
        doc.put("java", java);
        doc.put("renderer", renderer);
        doc.put("platform", platform);
        doc.put("window", window);
        doc.put("refreshCheck", refreshCheck);
        doc.put("method", method());
        doc.put("figures", figures);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark results cannot be written as JSON", e);
        }
    }

    private String verdict() {
        boolean met = figures.stream().allMatch(PresenterFrameFigures::meetsTarget);
        return "Target (work p99 <= 2 ms, no GC pause over 1 ms): " + (met ? "met" : "NOT met") + ".";
    }

    private BenchTable table() {
        BenchTable table = new BenchTable("scene", "frames", "work p50 ms", "work p99 ms", "work max ms",
                "mean interval ms", "missed", "heap bytes/frame", "GCs", "longest GC ms");
        for (PresenterFrameFigures f : figures) {
            table.row(f.scene(), Integer.toString(f.frames()), millis(f.workP50Ms()), millis(f.workP99Ms()),
                    millis(f.workMaxMs()), millis(f.meanIntervalMs()), Integer.toString(f.missedFrames()),
                    String.format(Locale.ROOT, "%.1f", f.allocatedBytesPerFrame()), Long.toString(f.gcCount()),
                    Long.toString(f.longestGcMs()));
        }
        return table;
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }
}
