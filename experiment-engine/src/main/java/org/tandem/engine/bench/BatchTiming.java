package org.tandem.engine.bench;

/** Inference time per face at one batch size: each run's wall time divided by the batch size. */
public record BatchTiming(int batch, TimingStats msPerFace) {
}
