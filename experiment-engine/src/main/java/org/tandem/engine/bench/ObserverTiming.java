package org.tandem.engine.bench;

import java.util.List;

/**
 * What {@code tandem bench observer} measured for one network at one thread count: the engine that ran it, its
 * floating-point work per face where counted (null otherwise), the load (weights read from the verified cache and the
 * network built on them) and the time per face at each batch size.
 */
public record ObserverTiming(String network, String engine, int threads, Long flopsPerFace, TimingStats load,
                             List<BatchTiming> batches) {
    public ObserverTiming {
        batches = List.copyOf(batches);
    }

    /** Achieved GFLOP/s of the median run at that batch (NaN where the work is not counted). */
    double gflops(BatchTiming b) {
        return flopsPerFace == null ? Double.NaN : flopsPerFace / b.msPerFace().medianMs() / 1e6;
    }

    /** These figures with face-api's set beside each batch that {@code times} has. */
    public ObserverTiming withFaceApi(FaceApiTimes times) {
        return new ObserverTiming(network, engine, threads, flopsPerFace, load, batches.stream()
                .map(b -> times.msPerFace(network, b.batch()).map(b::withFaceApi).orElse(b)).toList());
    }
}
