package org.tandem.engine.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tandem bench observer}: load time and time per face of the face-api networks at each requested batch size and
 * PyTorch thread count. PyTorch fixes its thread count when the engine loads, so the count this JVM runs at is measured
 * here and every other count in a child JVM started with it.
 */
public final class ObserverBench {
    private ObserverBench() {
    }

    /** Progress steps {@link #run} reports in all. */
    public static int steps(ObserverBenchSettings settings) {
        return settings.networks().size() * settings.threads().size() * settings.stepsPerNetwork();
    }

    /** Measures everything in {@code settings}, calling {@code step} after each load and each batch size. */
    public static List<ObserverTiming> run(ObserverBenchSettings settings, Runnable step) {
        int here = ObserverBenchmark.engineThreads();
        List<ObserverTiming> timings = new ArrayList<>();
        for (int threads : settings.threads()) {
            ObserverBenchSettings one = settings.atThreads(threads);
            List<ObserverTiming> measured = threads == here
                    ? ObserverBenchmark.run(one, step)
                    : ObserverBenchWorker.runInChild(one, step);
            for (ObserverTiming t : measured) {
                if (t.threads() != threads) {
                    throw new IllegalStateException("asked PyTorch for " + threads + " threads but it ran " + t.network()
                            + " with " + t.threads());
                }
            }
            timings.addAll(measured);
        }
        return timings;
    }
}
