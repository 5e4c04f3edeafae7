package org.tandem.engine.explain;

import org.tandem.protocols.observer.Raster;

/**
 * A map laid over the image the network was given: each input pixel enlarged to a square of {@code zoom} pixels and
 * blended with the map's colour (a perceptually ordered dark-blue → red → yellow scale; the map scaled to its own
 * maximum), so where the evidence lies can be seen on the face.
 */
final class MapOverlay {
    /** Colour stops of the scale (inferno-like), from no mass to the map's maximum. */
    private static final int[][] STOPS = {
            {0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21}, {250, 193, 39},
            {252, 255, 164}};
    private static final double OPACITY = 0.55;

    private MapOverlay() {
    }

    /**
     * @param input [size, size, RGB] 0..255, the network's input before normalisation
     * @param map   size × size values ≥ 0
     */
    static Raster of(float[] input, float[] map, int size, int zoom) {
        float max = 0;
        for (float v : map) {
            max = Math.max(max, v);
        }
        int side = size * zoom;
        byte[] rgb = new byte[side * side * 3];
        int[] colour = new int[3];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int p = r * size + c;
                double level = max > 0 ? map[p] / max : 0;
                colourOf(level, colour);
                double alpha = OPACITY * Math.sqrt(level);
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        int o = ((r * zoom + dy) * side + c * zoom + dx) * 3;
                        for (int ch = 0; ch < 3; ch++) {
                            double v = (1 - alpha) * input[p * 3 + ch] + alpha * colour[ch];
                            rgb[o + ch] = (byte) Math.round(Math.max(0, Math.min(255, v)));
                        }
                    }
                }
            }
        }
        return new Raster(side, side, rgb);
    }

    static void colourOf(double level, int[] out) {
        double x = Math.max(0, Math.min(1, level)) * (STOPS.length - 1);
        int i = Math.min((int) x, STOPS.length - 2);
        double f = x - i;
        for (int ch = 0; ch < 3; ch++) {
            out[ch] = (int) Math.round(STOPS[i][ch] + f * (STOPS[i + 1][ch] - STOPS[i][ch]));
        }
    }
}
