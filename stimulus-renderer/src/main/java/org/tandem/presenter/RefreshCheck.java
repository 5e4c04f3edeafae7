package org.tandem.presenter;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tandem.protocols.TandemException;

/**
 * The refresh check made before a session: a few hundred frame intervals measured with vsync on. Frame-locked timing is
 * only as good as the display's pacing, so a session refuses to start when the intervals scatter (SD over 0.5 ms) or the
 * measured rate disagrees with the monitor's nominal rate by more than 1 %, unless unstable timing is allowed. The check
 * is kept with the session either way.
 *
 * @param intervals  the number of frame intervals measured
 * @param meanMs     mean frame interval
 * @param sdMs       standard deviation of the frame intervals
 * @param minMs      shortest interval
 * @param maxMs      longest interval
 * @param measuredHz 1000 / meanMs: the rate durations are converted at
 * @param nominalHz  the monitor's stated refresh rate, 0 when the platform does not report one
 * @param problem    why timing is unstable, or null when it is stable
 */
public record RefreshCheck(int intervals, double meanMs, double sdMs, double minMs, double maxMs, double measuredHz,
                           double nominalHz, String problem) {
    public static final double MAX_SD_MS = 0.5;
    public static final double MAX_RATE_ERROR = 0.01;
    /** Frames drawn and discarded before measuring, while the driver settles into its swap chain. */
    private static final int WARM_UP_FRAMES = 10;

    public boolean stable() {
        return problem == null;
    }

    public double periodNs() {
        return meanMs * 1e6;
    }

    /** The check of measured flip intervals (ns) against the thresholds. */
    public static RefreshCheck of(long[] intervalsNs, double nominalHz) {
        if (intervalsNs.length < 2) {
            throw new IllegalArgumentException("a refresh check needs at least 2 frame intervals, got " + intervalsNs.length);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (long interval : intervalsNs) {
            stats.addValue(interval / 1e6);
        }
        double mean = stats.getMean();
        double sd = stats.getStandardDeviation();
        double measuredHz = 1000.0 / mean;
        String problem = null;
        if (sd > MAX_SD_MS) {
            problem = String.format(Locale.ROOT, "frame intervals scatter too much (SD %.3f ms, more than %.1f ms)",
                    sd, MAX_SD_MS);
        } else if (nominalHz <= 0) {
            problem = "the display does not report its nominal refresh rate, so the measured "
                    + String.format(Locale.ROOT, "%.2f Hz cannot be checked", measuredHz);
        } else if (Math.abs(measuredHz - nominalHz) / nominalHz > MAX_RATE_ERROR) {
            problem = String.format(Locale.ROOT, "the measured refresh rate %.2f Hz is more than %.0f %% off the"
                    + " monitor's nominal %.2f Hz (is vsync off or overridden by the driver?)", measuredHz,
                    MAX_RATE_ERROR * 100, nominalHz);
        }
        return new RefreshCheck(intervalsNs.length, mean, sd, stats.getMin(), stats.getMax(), measuredHz, nominalHz,
                problem);
    }

    /** Flips {@code intervals + 1} blank frames and checks the intervals between them. */
    public static RefreshCheck measure(GlWindow window, Canvas canvas, int intervals) {
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            canvas.clear(Colour.BACKGROUND);
            window.flip();
        }
        long[] gaps = new long[intervals];
        canvas.clear(Colour.BACKGROUND);
        long previous = window.flip();
        for (int i = 0; i < intervals; i++) {
            window.pollEvents();
            canvas.clear(Colour.BACKGROUND);
            long now = window.flip();
            gaps[i] = now - previous;
            previous = now;
        }
        return of(gaps, window.nominalRefreshHz());
    }

    /**
     * @throws TandemException when timing is unstable and that is not allowed
     */
    public RefreshCheck requireStable(boolean allowUnstableTiming) {
        if (!stable() && !allowUnstableTiming) {
            throw new TandemException("refresh check failed: " + problem + "; " + describe()
                    + "; fix the display's refresh (vsync on, native mode, no compositor) or pass --allow-unstable-timing"
                    + " to run anyway with the check recorded as failed");
        }
        return this;
    }

    /** One line, e.g. {@code 300 intervals: mean 16.684 ms (59.94 Hz, nominal 60 Hz), SD 0.041 ms, range 16.5-16.9 ms}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d intervals: mean %.3f ms (%.2f Hz, nominal %s), SD %.3f ms, range %.3f-%.3f ms",
                intervals, meanMs, measuredHz, nominalHz > 0 ? String.format(Locale.ROOT, "%.2f Hz", nominalHz) : "unknown",
                sdMs, minMs, maxMs);
    }
}
