package org.tandem.observer.usermodel;

import org.tandem.observer.faceapi.FaceCropPreprocessor;
import org.tandem.protocols.observer.Raster;

/**
 * How a network wants its input: an image of {@code height x width}, channels in RGB or BGR order, laid out NCHW or NHWC,
 * each value {@code (pixel * scale - mean[c]) / std[c]} with mean and std listed in the model's channel order. A raster of
 * another size is resized (stretched, no padding) with the same legacy bilinear resize the face-api networks use.
 */
public record InputSpec(int height, int width, boolean bgr, boolean nhwc, double scale, double[] mean, double[] std) {

    /** The float values of one image, ready for the model: {@code 3 * height * width} values in the declared layout. */
    public float[] tensor(Raster image) {
        float[] rgb = pixels(image);
        if (image.height() != height || image.width() != width) {
            rgb = FaceCropPreprocessor.resizeBilinearLegacy(rgb, image.height(), image.width(), height, width);
        }
        int plane = height * width;
        float[] out = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                int source = bgr ? 2 - c : c;
                double v = (rgb[p * 3 + source] * scale - mean[c]) / std[c];
                out[nhwc ? p * 3 + c : c * plane + p] = (float) v;
            }
        }
        return out;
    }

    /** The shape of a batch of {@code n} images. */
    public long[] batchShape(int n) {
        return nhwc ? new long[] {n, height, width, 3} : new long[] {n, 3, height, width};
    }

    private static float[] pixels(Raster image) {
        byte[] bytes = image.rgb();
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }
}
