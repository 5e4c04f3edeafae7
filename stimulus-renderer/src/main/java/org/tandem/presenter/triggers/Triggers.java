package org.tandem.presenter.triggers;

/**
 * Sends a trial's trigger codes and notes when each went out, on the flip clock ({@link System#nanoTime()} after the
 * write returned), in preallocated arrays: the frame loop sends a code right after the flip that starts its event,
 * without allocating. The station turns the log into the trial's {@code trigger} events.
 */
public final class Triggers {
    /** More codes than a trial sends (5 kinds, and re-presentations after a pause). */
    static final int CAPACITY = 64;
    public static final Triggers NONE = new Triggers(TriggerPort.NONE, new TriggerCodes(0, 0, 0, 0, 0));

    private final TriggerPort port;
    private final TriggerCodes codes;
    private final int[] sentCodes = new int[CAPACITY];
    private final long[] sentNanos = new long[CAPACITY];
    private int count;

    public Triggers(TriggerPort port, TriggerCodes codes) {
        this.port = port;
        this.codes = codes;
    }

    public TriggerCodes codes() {
        return codes;
    }

    public TriggerPort port() {
        return port;
    }

    /** Sends {@code code} now (0: nothing) and notes its send time. */
    public void send(int code) {
        if (code == 0) {
            return;
        }
        port.send(code);
        if (count < CAPACITY) {
            sentCodes[count] = code;
            sentNanos[count] = System.nanoTime();
            count++;
        }
    }

    /** The codes sent since {@link #clear()}. */
    public int sent() {
        return count;
    }

    public int code(int i) {
        return sentCodes[i];
    }

    public long nanos(int i) {
        return sentNanos[i];
    }

    /** Forgets the log, e.g. when a trial's events have been taken. */
    public void clear() {
        count = 0;
    }
}
