package org.tandem.observer.faceapi;

import java.util.Arrays;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's {@code NetInput.toBatchTensor(size, centre=true)}: the crop is zero-padded to a centred square, then resized to
 * {@code size x size} with tfjs's legacy bilinear resize (alignCorners=false, halfPixelCenters=false). Output is NHWC RGB
 * 0..255 as float32, before mean subtraction, which belongs to the network body. Computed in double and stored as float,
 * as tfjs-cpu does, so the result equals face-api's tensor bit for bit.
 *
 * <p>The padded square is never built: a sample outside the crop reads 0, and the source columns and weights of the
 * resize are worked out once per image rather than once per pixel, which makes this several times faster than the
 * pixel-by-pixel form with the same arithmetic, so the same floats.
 */
public final class FaceCropPreprocessor {
    private static final int OUTSIDE = -1;

    private FaceCropPreprocessor() {
    }

    /** The HWC float32 input of one crop: {@code size * size * 3} values. */
    public static float[] toNetInput(Raster crop, int size) {
        float[] out = new float[size * size * 3];
        writeNetInput(crop, size, out, 0);
        return out;
    }

    /** Writes the HWC float32 input of one crop into {@code out[offset .. offset + size * size * 3)}. */
    public static void writeNetInput(Raster crop, int size, float[] out, int offset) {
        writeNetInput(crop, size, out, offset, true);
    }

    /**
     * The same with face-api's other padding: {@code centred} pads both sides of the short dimension (the face networks),
     * otherwise all padding goes after the image, to the right or bottom ({@code toBatchTensor(size, false)}, the face
     * detector), so detections map back to the image by a scale alone.
     */
    public static void writeNetInput(Raster crop, int size, float[] out, int offset, boolean centred) {
        int h = crop.height();
        int w = crop.width();
        int side = Math.max(h, w);
        int diff = Math.abs(h - w);
        int after = centred ? (int) Math.round(diff * 0.5) : diff;   // JS Math.round: halves go up, as Java's does
        int before = diff - after;
        PaddedCrop square = new PaddedCrop(crop.rgb(), w, h, w < h ? before : 0, h < w ? before : 0);
        if (side == size) {
            Arrays.fill(out, offset, offset + size * size * 3, 0f);
            for (int y = 0; y < size; y++) {
                int row = square.row(y);
                for (int x = 0; row != OUTSIDE && x < size; x++) {
                    int col = square.column(x);
                    for (int ch = 0; col != OUTSIDE && ch < 3; ch++) {
                        out[offset + (y * size + x) * 3 + ch] = (float) square.sample(row, col, ch);
                    }
                }
            }
        } else {
            resizeBilinearLegacy(square, side, side, size, size, out, offset);
        }
    }

    /** tfjs's legacy bilinear resize of an HWC RGB image; shared by every network input that needs resizing. */
    public static float[] resizeBilinearLegacy(float[] src, int inH, int inW, int outH, int outW) {
        float[] dst = new float[outH * outW * 3];
        resizeBilinearLegacy(new FloatImage(src, inW), inH, inW, outH, outW, dst, 0);
        return dst;
    }

    private static void resizeBilinearLegacy(Source src, int inH, int inW, int outH, int outW, float[] dst, int offset) {
        double colRatio = (double) inW / outW;
        int[] col0 = new int[outW];
        int[] col1 = new int[outW];
        double[] colFraction = new double[outW];
        for (int c = 0; c < outW; c++) {
            double sc = colRatio * c;
            int c0 = (int) Math.max(0, Math.floor(sc));
            colFraction[c] = sc - c0;
            col0[c] = src.column(c0);
            col1[c] = src.column((int) Math.min(inW - 1, Math.ceil(sc)));
        }
        double rowRatio = (double) inH / outH;
        int o = offset;
        for (int r = 0; r < outH; r++) {
            double sr = rowRatio * r;
            int r0 = (int) Math.max(0, Math.floor(sr));
            double fr = sr - r0;
            int row0 = src.row(r0);
            int row1 = src.row((int) Math.min(inH - 1, Math.ceil(sr)));
            for (int c = 0; c < outW; c++) {
                double fc = colFraction[c];
                for (int ch = 0; ch < 3; ch++) {
                    double tl = src.sample(row0, col0[c], ch);
                    double tr = src.sample(row0, col1[c], ch);
                    double bl = src.sample(row1, col0[c], ch);
                    double br = src.sample(row1, col1[c], ch);
                    double top = tl + (tr - tl) * fc;
                    double bottom = bl + (br - bl) * fc;
                    dst[o++] = (float) (top + (bottom - top) * fr);
                }
            }
        }
    }

    /** An HWC RGB image the resize reads, addressed as (row start, column offset, channel). */
    private sealed interface Source permits PaddedCrop, FloatImage {
        int row(int y);

        int column(int x);

        double sample(int row, int column, int channel);
    }

    /** The crop inside its zero-padded square, addressed by square rows and columns without being copied. */
    private record PaddedCrop(byte[] rgb, int width, int height, int offX, int offY) implements Source {
        /** Where square row {@code y} starts in {@code rgb}, or {@link #OUTSIDE} in the padding. */
        @Override
        public int row(int y) {
            int cy = y - offY;
            return cy >= 0 && cy < height ? cy * width * 3 : OUTSIDE;
        }

        /** The byte offset of square column {@code x} within a row, or {@link #OUTSIDE} in the padding. */
        @Override
        public int column(int x) {
            int cx = x - offX;
            return cx >= 0 && cx < width ? cx * 3 : OUTSIDE;
        }

        @Override
        public double sample(int row, int column, int channel) {
            return row == OUTSIDE || column == OUTSIDE ? 0 : rgb[row + column + channel] & 0xFF;
        }
    }

    private record FloatImage(float[] hwc, int width) implements Source {
        @Override
        public int row(int y) {
            return y * width * 3;
        }

        @Override
        public int column(int x) {
            return x * 3;
        }

        @Override
        public double sample(int row, int column, int channel) {
            return hwc[row + column + channel];
        }
    }
}
