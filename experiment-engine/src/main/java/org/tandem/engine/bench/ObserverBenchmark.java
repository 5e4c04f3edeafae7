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
 * Measures the networks in this JVM, at the thread count its engines started with. Every figure is a set of timed runs
 * after untimed warm-up runs (which also let the JIT and the engines' allocators settle).
 */
final class ObserverBenchmark {
    /** Timed runs of each side in turn when face-api runs beside Tandem: small groups, so both see the same load. */
    private static final int ROUND = 5;
    private final ObserverBenchSettings settings;
    private final NDManager base;
    private final ModelStore store = ModelStore.faceApi();
    private final List<Raster> crops;
    private final FaceApiPeer peer;

    private ObserverBenchmark(ObserverBenchSettings settings, NDManager base, List<Raster> crops, FaceApiPeer peer) {
        this.settings = settings;
        this.base = base;
        this.crops = crops;
        this.peer = peer;
    }

    /** PyTorch's intra-op thread count in this JVM (starting the engine if it is not running yet). */
    static int engineThreads() {
        try (NDManager ignored = DjlEngine.newBaseManager()) {
            return JniUtils.getNumThreads();
        }
    }

    /** Measures every network of {@code settings}; {@code step} is called after each load and each batch size. */
    static List<ObserverTiming> run(ObserverBenchSettings settings, Runnable step) {
        return run(settings, null, step);
    }

    /** The same, with face-api in Node timed in turn with Tandem for every network it has; {@code peer} null for none. */
    static List<ObserverTiming> run(ObserverBenchSettings settings, FaceApiPeer peer, Runnable step) {
        List<Raster> crops = BenchFaceCrops.render(settings.largestBatch());
        try (NDManager base = DjlEngine.newBaseManager()) {
            ObserverBenchmark bench = new ObserverBenchmark(settings, base, crops, peer);
            // a fresh JVM spends its first seconds compiling, on the same cores; running every network untimed before
            // any is timed keeps that out of the first network's figures
            settings.networks().forEach(bench::warmUp);
            int threads = JniUtils.getNumThreads();
            List<ObserverTiming> timings = new ArrayList<>();
            for (String network : settings.networks()) {
                timings.add(bench.measure(network, threads, step));
            }
            return timings;
        }
    }

    private void warmUp(String network) {
        try (LoadedNetwork net = open(network)) {
            for (int batch : settings.batches()) {
                for (int i = 0; i < settings.warmup(); i++) {
                    net.run(crops.subList(0, batch));
                }
            }
        }
    }

    private ObserverTiming measure(String network, int threads, Runnable step) {
        TimingStats load = TimingStats.of(repeat(() -> {
            long start = System.nanoTime();
            LoadedNetwork net = open(network);
            long elapsed = System.nanoTime() - start;
            net.close();
            return elapsed;
        }, 1));
        step.run();
        List<BatchTiming> batches = new ArrayList<>();
        try (LoadedNetwork net = open(network)) {
            for (int batch : settings.batches()) {
                List<Raster> input = crops.subList(0, batch);
                LongSupplier run = () -> {
                    long start = System.nanoTime();
                    net.run(input);
                    return System.nanoTime() - start;
                };
                batches.add(peer != null && FaceApiPeer.NETWORKS.contains(network)
                        ? inTurnWithFaceApi(network, batch, run)
                        : new BatchTiming(batch, TimingStats.of(repeat(run, batch)), null));
                step.run();
            }
            return new ObserverTiming(network, net.engine(), threads, net.flopsPerFace(), load, batches);
        }
    }

    /** Tandem's runs and face-api's, {@link #ROUND} at a time each, after each side's warm-up runs. */
    private BatchTiming inTurnWithFaceApi(String network, int batch, LongSupplier run) {
        for (int i = 0; i < settings.warmup(); i++) {
            run.getAsLong();
        }
        peer.msPerFace(network, batch, Math.max(settings.warmup(), 1));
        double[] ours = new double[settings.repeats()];
        double[] theirs = new double[settings.repeats()];
        for (int done = 0; done < ours.length; done += ROUND) {
            int n = Math.min(ROUND, ours.length - done);
            for (int i = 0; i < n; i++) {
                ours[done + i] = run.getAsLong() / 1e6 / batch;
            }
            System.arraycopy(peer.msPerFace(network, batch, n), 0, theirs, done, n);
        }
        return new BatchTiming(batch, TimingStats.of(ours), TimingStats.of(theirs));
    }

    /** What opening an observer costs: verify the model cache, read the weights, build the network. */
    private LoadedNetwork open(String name) {
        if (BenchNetworks.isHuman(name)) {
            return LoadedNetwork.human(name);
        }
        FaceApiNetwork network = BenchNetworks.faceApi(name);
        return LoadedNetwork.open(network, base, new ModelSpec(network, false, ModelSpec.DEFAULT_SEED).weights(store));
    }

    /** Runs {@code timedRun} warm-up times untimed, then repeats times; returns each timed run's milliseconds / per. */
    private double[] repeat(LongSupplier timedRun, int per) {
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
