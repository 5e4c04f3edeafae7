package org.tandem.engine.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.observer.Raster;

/**
 * {@code tandem bench observer}: load time and time per face of the networks at each requested batch size and thread
 * count. PyTorch fixes its thread count when the engine loads (and ONNX Runtime's sessions follow it), so the count this
 * JVM runs at is measured here and every other count in a child JVM started with it.
 */
public final class ObserverBench {
    private ObserverBench() {
    }

    /** Progress steps {@link #run} reports in all. */
    public static int steps(ObserverBenchSettings settings) {
        return settings.networks().size() * settings.threads().size() * settings.stepsPerNetwork();
    }

    /**
     * Starts face-api in Node from {@code folder} (benchmarks/faceapi, {@code npm ci} done) on Tandem's verified copy of
     * its weights and crops of the benchmark's size.
     */
    public static FaceApiPeer startFaceApi(Path folder) {
        Raster crop = BenchFaceCrops.render(1).get(0);
        return FaceApiPeer.start(folder, ModelStore.faceApi().resolve(), crop.width(), crop.height());
    }

    /**
     * Measures everything in {@code settings}, calling {@code step} after each load and each batch size. With a
     * {@code faceApi} peer (null for none), face-api is timed in turn with the thread count this JVM runs at.
     */
    public static List<ObserverTiming> run(ObserverBenchSettings settings, FaceApiPeer faceApi, Runnable step) {
        int here = ObserverBenchmark.engineThreads();
        List<ObserverTiming> timings = new ArrayList<>();
        for (int threads : settings.threads()) {
            ObserverBenchSettings one = settings.atThreads(threads);
            List<ObserverTiming> measured = threads == here
                    ? ObserverBenchmark.run(one, faceApi, step)
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
