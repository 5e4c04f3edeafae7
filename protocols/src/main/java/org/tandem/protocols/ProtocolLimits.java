package org.tandem.protocols;

/**
 * The documented ranges of a protocol (docs/PROTOCOLS.md, "Limits"). The numbers a file gives are also bounded in the
 * published JSON Schema, which must agree with these constants; the rest is checked by the reader before any trial is
 * made, so that a mistyped number ends in a located error instead of minutes of planning or an exhausted heap.
 */
public final class ProtocolLimits {
    /** Trials in one session: the protocol as written and each of its variants, counted before anything is planned. */
    public static final int MAX_TRIALS = 1_000_000;
    /** {@code repetitions} of the protocol, a block or a variant. */
    public static final int MAX_REPETITIONS = MAX_TRIALS;
    /** {@code randomisation.maxSameLevel} and {@code maxSameAnswer}. */
    public static final int MAX_RUN_LENGTH = MAX_TRIALS;
    /** {@code breaks.every} (0: no breaks). */
    public static final int MAX_BREAK_INTERVAL = MAX_TRIALS;
    /** Levels of one factor, or of one block's or variant's override. */
    public static final int MAX_LEVELS = 1000;
    /** {@code task.step}: below the number of levels. */
    public static final int MAX_ABX_STEP = MAX_LEVELS - 1;
    /** A numeric level lies within ± this. */
    public static final long MAX_LEVEL_MAGNITUDE = 1_000_000_000L;
    /** Durations in milliseconds: at least 1 ms, at most one hour. */
    public static final int MIN_MS = 1;
    public static final int MAX_MS = 3_600_000;
    /** Durations in frames. */
    public static final int MAX_FRAMES = 1_000_000;
    /**
     * The fastest display the frame arithmetic is proven for: the longest duration at this rate, on every screen of a
     * trial, still fits an {@code int} of frames, and any frame count times the frame period fits a {@code long} of ns.
     */
    public static final int MAX_REFRESH_HZ = 1000;

    /** Sizes of the lists in a protocol. */
    public static final int MAX_FACTORS = 32;
    public static final int MAX_BLOCKS = 100;
    public static final int MAX_VARIANTS = 20;
    public static final int MAX_STIMULUS_SETS = 20;
    public static final int MAX_LABELS = 50;
    public static final int MAX_INSTRUCTION_SCREENS = 50;

    /** The protocol file's size in bytes. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Objects and arrays inside each other; a valid protocol needs 6. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Characters of one number as written. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private ProtocolLimits() {
    }
}
