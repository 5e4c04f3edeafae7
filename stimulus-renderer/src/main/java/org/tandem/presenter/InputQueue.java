package org.tandem.presenter;

/**
 * Input events in arrival order, in a fixed ring of preallocated slots. GLFW's callbacks write into it on the render
 * thread while events are polled (each stamped with {@link System#nanoTime()} in the callback, the clock of the flip
 * timestamps, so RT = event time - stimulus onset); the trial logic reads it. When full, the oldest event is dropped and
 * counted.
 */
public final class InputQueue {
    private final InputEvent.Kind[] kinds;
    private final int[] codes;
    private final double[] xs;
    private final double[] ys;
    private final long[] times;
    private int head;
    private int size;
    private long dropped;
    private InputEvent.Kind scheduledKind;
    private int scheduledCode;
    private double scheduledX;
    private double scheduledY;
    private long scheduledAt;

    public InputQueue(int capacity) {
        kinds = new InputEvent.Kind[capacity];
        codes = new int[capacity];
        xs = new double[capacity];
        ys = new double[capacity];
        times = new long[capacity];
    }

    public void key(int key, long nanos) {
        add(InputEvent.Kind.KEY, key, 0, 0, nanos);
    }

    public void character(int codePoint, long nanos) {
        add(InputEvent.Kind.CHARACTER, codePoint, 0, 0, nanos);
    }

    public void click(int button, double x, double y, long nanos) {
        add(InputEvent.Kind.CLICK, button, x, y, nanos);
    }

    /**
     * Schedules one key press or click to arrive at the first poll at or after {@code atNanos}, stamped with the time
     * it arrives, as if a person had pressed then: how a pilot run answers at full timing. Replaces an earlier one not
     * yet arrived.
     */
    public void schedule(InputEvent.Kind kind, int code, double x, double y, long atNanos) {
        scheduledKind = kind;
        scheduledCode = code;
        scheduledX = x;
        scheduledY = y;
        scheduledAt = atNanos;
    }

    /** Delivers the scheduled event when its time has come (called after each poll of the window's events). */
    public void releaseDue(long nowNanos) {
        if (scheduledKind != null && nowNanos >= scheduledAt) {
            add(scheduledKind, scheduledCode, scheduledX, scheduledY, nowNanos);
            scheduledKind = null;
        }
    }

    /** Moves the oldest event into {@code into}; false when there is none. */
    public boolean poll(InputEvent into) {
        if (size == 0) {
            return false;
        }
        into.kind = kinds[head];
        into.code = codes[head];
        into.x = xs[head];
        into.y = ys[head];
        into.nanos = times[head];
        head = (head + 1) % kinds.length;
        size--;
        return true;
    }

    /** Forgets pending events, e.g. key presses made before a screen that must not take them. */
    public void clear() {
        head = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Events lost because the queue was full. */
    public long dropped() {
        return dropped;
    }

    private void add(InputEvent.Kind kind, int code, double x, double y, long nanos) {
        if (size == kinds.length) {
            head = (head + 1) % kinds.length;
            size--;
            dropped++;
        }
        int slot = (head + size) % kinds.length;
        kinds[slot] = kind;
        codes[slot] = code;
        xs[slot] = x;
        ys[slot] = y;
        times[slot] = nanos;
        size++;
    }
}
