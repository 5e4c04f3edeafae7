package org.tandem.engine.bench;

/**
 * What {@code tandem bench presenter} measured for one scene.
 *
 * @param scene                  what each frame showed
 * @param frames                 timed frames
 * @param workP50Ms              median per-frame work on the render thread (input, drawing, submitting; up to the swap)
 * @param workP99Ms              99th percentile of the per-frame work
 * @param workMaxMs              longest per-frame work
 * @param meanIntervalMs         mean flip-to-flip interval (the refresh period when swaps are paced)
 * @param missedFrames           intervals over 1.5 times the period measured by the refresh check
 * @param allocatedBytesPerFrame bytes the render thread allocated per frame on the Java heap
 * @param gcCount                garbage collections during the timed frames
 * @param longestGcMs            the longest of them in milliseconds (0 when there were none)
 */
public record PresenterFrameFigures(String scene, int frames, double workP50Ms, double workP99Ms, double workMaxMs,
                                    double meanIntervalMs, int missedFrames, double allocatedBytesPerFrame, long gcCount,
                                    long longestGcMs) {

    /** The target on llvmpipe: per-frame work p99 at most 2 ms and no GC pause over 1 ms. */
    public boolean meetsTarget() {
        return workP99Ms <= 2.0 && longestGcMs <= 1;
    }
}
