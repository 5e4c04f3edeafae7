package org.tandem.engine.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tandem.presenter.Canvas;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.FrameLoop;
import org.tandem.presenter.GlWindow;
import org.tandem.presenter.RefreshCheck;
import org.tandem.presenter.Screen;
import org.tandem.presenter.StimulusSize;
import org.tandem.presenter.Texture;
import org.tandem.presenter.WindowSettings;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * Runs the presenter's frame loop for many frames on real screens (a synthetic face at native size, and the six-way
 * response screen with its text) and measures per-frame work, missed frames, heap allocation and garbage collection.
 */
public final class PresenterBenchmark {
    /** Frames run before timing, so the JIT has compiled the frame loop. */
    static final int WARM_UP_FRAMES = 1000;
    /** Frame intervals measured by the refresh check that fixes the period for missed-frame counting. */
    static final int REFRESH_CHECK_INTERVALS = 300;
    private static final int PROGRESS_EVERY = 500;
    private static final List<String> SIX = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");

    private PresenterBenchmark() {
    }

    /** Frames timed in all, for a progress bar. */
    public static long steps(int frames) {
        return 2L * frames;
    }

    /**
     * @param progress told the number of frames done, every few hundred frames
     */
    public static PresenterBenchReport run(int frames, WindowSettings windowSettings, IntConsumer progress) {
        Raster face = SyntheticFaces.defaults()
                .render(StimulusRef.prototype(SyntheticFaces.SET_NAME, SyntheticFaces.AVERAGE_IDENTITY, "happy"));
        try (GlWindow window = GlWindow.open(windowSettings);
             Canvas canvas = new Canvas(window.width(), window.height());
             Fonts fonts = Fonts.forScreenHeight(window.height());
             Texture texture = Texture.of(face)) {
            RefreshCheck check = RefreshCheck.measure(window, canvas, REFRESH_CHECK_INTERVALS);
            Screens screens = new Screens(fonts, window.width(), window.height());
            List<PresenterFrameFigures> figures = new ArrayList<>();
            figures.add(measure("stimulus " + face.width() + "x" + face.height() + " at native size",
                    screens.stimulus(texture, new StimulusSize.Native()), frames, window, canvas, check, progress, 0));
            figures.add(measure("six-way response screen (text)",
                    screens.response("Which emotion did the face show?", SIX), frames, window, canvas, check, progress,
                    frames));
            return new PresenterBenchReport(LocalDate.now(ZoneOffset.UTC), BenchMachine.cpuModel(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
                    window.renderer(), window.platform().toString(), window.width() + "x" + window.height(), check,
                    figures);
        }
    }

    private static PresenterFrameFigures measure(String scene, Screen screen, int frames, GlWindow window, Canvas canvas,
                                                 RefreshCheck check, IntConsumer progress, int done) {
        FrameLoop loop = new FrameLoop(window, canvas, check.periodNs(), Math.max(frames, WARM_UP_FRAMES));
        loop.show(screen, WARM_UP_FRAMES);
        loop.reset();
        long[] work = new long[frames];
        System.gc(); // start from a collected heap, so a collection during the run is the run's own doing
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long gcCount;
        long longestGc;
        try (GcPauses gc = new GcPauses()) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < frames; i++) {
                loop.show(screen, 1);
                work[i] = loop.lastWorkNanos();
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    progress.accept(done + i + 1);
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            gcCount = gc.count();
            longestGc = gc.longestMs();
            return figures(scene, loop, work, allocated, gcCount, longestGc);
        }
    }

    private static PresenterFrameFigures figures(String scene, FrameLoop loop, long[] work, long allocated, long gcCount,
                                                 long longestGc) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (long w : work) {
            stats.addValue(w / 1e6);
        }
        int frames = work.length;
        double meanInterval = (loop.flip(frames - 1) - loop.flip(0)) / 1e6 / (frames - 1);
        return new PresenterFrameFigures(scene, frames, stats.getPercentile(50), stats.getPercentile(99), stats.getMax(),
                meanInterval, loop.missedFrames(), (double) allocated / frames, gcCount, longestGc);
    }
}
