package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/** Mean and standard deviation (population, divided by n) of an image's BT.601 luma, in grey levels. */
public record LuminanceStats(double mean, double sd) {

    public LuminanceStats {
        if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException("luminance needs a finite mean and a non-negative SD, got " + mean + ", " + sd);
        }
    }

    public static LuminanceStats of(Raster image) {
        return of(Luma.of(image));
    }

    static LuminanceStats of(double[] luma) {
        double sum = 0;
        for (double v : luma) {
            sum += v;
        }
        double mean = sum / luma.length;
        double squares = 0;
        for (double v : luma) {
            squares += (v - mean) * (v - mean);
        }
        return new LuminanceStats(mean, Math.sqrt(squares / luma.length));
    }
}
