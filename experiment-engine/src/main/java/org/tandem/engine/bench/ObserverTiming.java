package org.tandem.engine.bench;

import java.util.List;

/**
 * What {@code tandem bench observer} measured for one network at one PyTorch thread count: the load (weights read from the
 * verified cache and the network built on them) and the time per face at each batch size.
 */
public record ObserverTiming(String network, int threads, TimingStats load, List<BatchTiming> batches) {
    public ObserverTiming {
        batches = List.copyOf(batches);
    }
}
