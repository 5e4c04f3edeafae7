package org.tandem.engine.sweep;

import org.tandem.observer.spec.ObserverSpec;

/**
 * One cell of a sweep: a protocol answered by an observer with a seed and a decision rule, stored as one session. Its
 * {@link #key()} is kept with the session, so running the sweep again finds the cell's session and continues it.
 *
 * @param variant the protocol variant, or null for the default ({@code networks} where the protocol declares it)
 */
public record SweepCell(String protocol, ObserverSpec observer, long seed, String rule, double temperature,
                        String variant) {
    /** Station fact holding the cell's key. */
    public static final String FACT = "sweep_cell";

    /** The cell in words, stable across runs: what identifies its session. */
    public String key() {
        return "protocol=" + protocol + (variant == null ? "" : " variant=" + variant) + " observer=" + observer
                + " seed=" + seed + " rule=" + rule + ("sample".equals(rule) ? " temperature=" + temperature : "");
    }
}
