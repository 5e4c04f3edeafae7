package org.tandem.engine.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.tandem.observer.faceapi.FaceApiNetwork;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.observer.Raster;

/**
 * Measures the face-api networks in this JVM, at the PyTorch thread count its engine started with. Every figure is a set
 * of timed runs after untimed warm-up runs (which also let the JIT and PyTorch's allocator settle).
 */
final class ObserverBenchmark {
    private ObserverBenchmark() {
    }

    /** PyTorch's intra-op thread count in this JVM (starting the engine if it is not running yet). */
    static int engineThreads() {
        try (NDManager ignored = DjlEngine.newBaseManager()) {
            return JniUtils.getNumThreads();
        }
    }

    /** Measures every network of {@code settings}; {@code step} is called after each load and each batch size. */
    static List<ObserverTiming> run(ObserverBenchSettings settings, Runnable step) {
        ModelStore store = ModelStore.faceApi();
        List<Raster> crops = BenchFaceCrops.render(settings.largestBatch());
        List<ObserverTiming> timings = new ArrayList<>();
        try (NDManager base = DjlEngine.newBaseManager()) {
            int threads = JniUtils.getNumThreads();
            for (FaceApiNetwork network : settings.networks()) {
                ModelSpec trained = new ModelSpec(network, false, ModelSpec.DEFAULT_SEED);
                // a load is what opening an observer costs: verify the cache, read the weights, build the network
                TimingStats load = TimingStats.of(repeat(settings, () -> {
                    long start = System.nanoTime();
                    LoadedNetwork net = LoadedNetwork.open(network, base, trained.weights(store));
                    long elapsed = System.nanoTime() - start;
                    net.close();
                    return elapsed;
                }, 1));
                step.run();
                List<BatchTiming> batches = new ArrayList<>();
                try (LoadedNetwork net = LoadedNetwork.open(network, base, trained.weights(store))) {
                    for (int batch : settings.batches()) {
                        List<Raster> input = crops.subList(0, batch);
                        batches.add(new BatchTiming(batch, TimingStats.of(repeat(settings, () -> {
                            long start = System.nanoTime();
                            net.run(input);
                            return System.nanoTime() - start;
                        }, batch))));
                        step.run();
                    }
                }
                timings.add(new ObserverTiming(network.specName(), threads, load, batches));
            }
        }
        return timings;
    }

    /** Runs {@code timedRun} warm-up times untimed, then repeats times; returns each timed run's milliseconds / per. */
    private static double[] repeat(ObserverBenchSettings settings, LongSupplier timedRun, int per) {
        for (int i = 0; i < settings.warmup(); i++) {
            timedRun.getAsLong();
        }
        double[] millis = new double[settings.repeats()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = timedRun.getAsLong() / 1e6 / per;
        }
        return millis;
    }
}
