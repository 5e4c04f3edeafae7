package org.tandem.engine.bench;

import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * What {@code tandem bench observer} measures: which networks ({@link BenchNetworks} names), at which batch sizes and PyTorch thread counts, and how
 * many timed runs follow how many untimed warm-up runs for every figure.
 */
public record ObserverBenchSettings(List<String> networks, List<Integer> batches, List<Integer> threads,
                                    int repeats, int warmup) {
    /** Larger batches only measure memory bandwidth on a small machine; the cap also keeps a typo from taking hours. */
    static final int MAX_BATCH = 256;
    static final int MAX_THREADS = 256;

    public ObserverBenchSettings {
        networks = networks.stream().map(BenchNetworks::check).toList();
        batches = List.copyOf(batches);
        threads = List.copyOf(threads);
        requireNonEmpty("--networks", networks);
        requireNonEmpty("--batches", batches);
        requireNonEmpty("--threads", threads);
        for (int b : batches) {
            requireRange("--batches", b, MAX_BATCH);
        }
        for (int t : threads) {
            requireRange("--threads", t, MAX_THREADS);
        }
        requireRange("--repeats", repeats, Integer.MAX_VALUE);
        if (warmup < 0) {
            throw new TandemException("--warmup must be 0 or more, got " + warmup);
        }
    }

    /** The largest batch, i.e. how many distinct crops the runs need. */
    int largestBatch() {
        return batches.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Progress steps of one network at one thread count: its load, then each batch size. */
    int stepsPerNetwork() {
        return 1 + batches.size();
    }

    /** These settings for one thread count, as a child JVM running at that count is given them. */
    ObserverBenchSettings atThreads(int count) {
        return new ObserverBenchSettings(networks, batches, List.of(count), repeats, warmup);
    }

    private static void requireNonEmpty(String option, List<?> values) {
        if (values.isEmpty()) {
            throw new TandemException(option + " needs at least one value");
        }
    }

    private static void requireRange(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new TandemException(option + " must be " + (max == Integer.MAX_VALUE ? "at least 1" : "1.." + max)
                    + ", got " + value);
        }
    }
}
