package org.tandem.stimuli.synthetic;

import org.tandem.protocols.plan.SplitMix64;

/**
 * What the camera adds to a {@code varied-faces} image, in order: white balance, lens blur (separable Gaussian) and sensor
 * noise (Gaussian, mostly shared by the three channels as in a real sensor's luma noise). Works on float planes, 0..255.
 */
final class CameraFinish {
    private static final double CHROMA_SHARE = 0.35;

    private CameraFinish() {
    }

    /** @param planes red, green, blue planes of a size × size image, changed in place */
    static byte[] apply(float[][] planes, int size, ViewConditions view) {
        for (int c = 0; c < 3; c++) {
            float gain = (float) view.whiteBalance()[c];
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] *= gain;
            }
            blur(planes[c], size, view.blur() * size / FaceRenderer.DESIGN);
        }
        Uniform random = new Uniform(new SplitMix64(view.noiseSeed()));
        byte[] rgb = new byte[size * size * 3];
        for (int i = 0; i < size * size; i++) {
            double shared = random.gaussian();
            for (int c = 0; c < 3; c++) {
                double own = random.gaussian();
                double value = planes[c][i] + view.noise() * ((1 - CHROMA_SHARE) * shared + CHROMA_SHARE * own);
                rgb[i * 3 + c] = (byte) (int) Math.max(0, Math.min(255, Math.round(value)));
            }
        }
        return rgb;
    }

    private static void blur(float[] plane, int size, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        if (radius < 1) {
            return;
        }
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double w = StrictMath.exp(-0.5 * k * k / (sigma * sigma));
            kernel[k + radius] = (float) w;
            sum += w;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        float[] rows = new float[plane.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(size - 1, x + k));
                    acc += kernel[k + radius] * plane[y * size + xx];
                }
                rows[y * size + x] = acc;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(size - 1, y + k));
                    acc += kernel[k + radius] * rows[yy * size + x];
                }
                plane[y * size + x] = acc;
            }
        }
    }
}
