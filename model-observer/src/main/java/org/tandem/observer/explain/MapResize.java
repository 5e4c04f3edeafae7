package org.tandem.observer.explain;

/**
 * Bilinear resize of a map to the network's input size with half-pixel centres (PyTorch's
 * {@code interpolate(mode='bilinear', align_corners=False)}, OpenCV's {@code resize}): how Grad-CAM maps are brought
 * to the input in their authors' code. Each map cell covers an equal share of the input.
 */
public final class MapResize {
    private MapResize() {
    }

    public static float[] bilinear(float[] map, int height, int width, int size) {
        float[] out = new float[size * size];
        for (int r = 0; r < size; r++) {
            double sy = Math.max(0, (r + 0.5) * height / size - 0.5);
            int y0 = Math.min((int) sy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int c = 0; c < size; c++) {
                double sx = Math.max(0, (c + 0.5) * width / size - 0.5);
                int x0 = Math.min((int) sx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                double top = map[y0 * width + x0] * (1 - fx) + map[y0 * width + x1] * fx;
                double bottom = map[y1 * width + x0] * (1 - fx) + map[y1 * width + x1] * fx;
                out[r * size + c] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
