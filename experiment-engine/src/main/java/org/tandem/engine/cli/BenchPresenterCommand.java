package org.tandem.engine.cli;

import java.io.PrintWriter;
import org.tandem.engine.bench.PresenterBenchReport;
import org.tandem.engine.bench.PresenterBenchmark;
import org.tandem.presenter.WindowSettings;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "presenter", mixinStandardHelpOptions = true,
        description = {"Run the testing station's frame loop: per-frame work on the render thread (p50/p99/max),"
                + " missed frames, heap allocation per frame and garbage-collection pauses, for a stimulus texture and"
                + " for the six-way response screen. Target on llvmpipe: work p99 <= 2 ms and no GC pause over 1 ms.",
                "%nOpens a window under X (DISPLAY set, e.g. xvfb-run) or renders off screen through EGL without one;"
                        + " without a paced monitor (Xvfb, EGL) swaps are not locked to a refresh, so missed frames"
                        + " measure stalls, not the monitor."})
final class BenchPresenterCommand implements Runnable {
    @Option(names = "--frames", defaultValue = "10000", paramLabel = "N",
            description = "Timed frames per scene (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--screen", paramLabel = "N",
            description = "Fill monitor N (0 = primary) instead of opening a window.")
    Integer screen;

    @Option(names = "--size", defaultValue = "1024x768", paramLabel = "WxH",
            description = "Window size when not full screen (default: ${DEFAULT-VALUE}).")
    String size;

    @ArgGroup(exclusive = true)
    BenchFormat format = new BenchFormat();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (frames < 2) {
            throw new TandemException("--frames must be at least 2, got " + frames);
        }
        PresenterBenchReport report;
        try (Progress progress = Progress.of("bench presenter", PresenterBenchmark.steps(frames))) {
            report = PresenterBenchmark.run(frames, windowSettings(), progress::stepTo);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(report::text, report::json, report::markdown));
        out.flush();
    }

    private WindowSettings windowSettings() {
        if (screen != null) {
            return WindowSettings.fullscreen(screen);
        }
        String[] parts = size.split("x");
        try {
            if (parts.length == 2) {
                return WindowSettings.windowed(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message
        }
        throw new TandemException("--size must be WIDTHxHEIGHT in pixels, e.g. 1024x768, got '" + size + "'");
    }
}
