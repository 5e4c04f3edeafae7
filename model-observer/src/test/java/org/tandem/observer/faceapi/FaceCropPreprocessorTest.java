package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/**
 * The preprocessing reads the crop in place; these tests hold it to the literal form of face-api's steps (build the
 * zero-padded square, then resize it pixel by pixel), float for float, on crops of every shape relative to the input size,
 * and the resize of float images (user models' inputs) to tfjs's resize written pixel by pixel.
 */
class FaceCropPreprocessorTest {
    private static final int[][] SHAPES = {
            {121, 136}, {136, 121}, {150, 150}, {112, 112}, {97, 60}, {60, 97}, {300, 211}, {1, 5}, {7, 1}, {112, 100},
            {149, 150}, {151, 150}};

    @Test
    void equalsPaddingThenResizingPixelByPixel() {
        SplittableRandom random = new SplittableRandom(20261129L);
        for (int[] shape : SHAPES) {
            Raster crop = randomCrop(shape[0], shape[1], random);
            for (int size : new int[] {112, 150}) {
                assertThat(FaceCropPreprocessor.toNetInput(crop, size))
                        .as("%dx%d crop at %d", shape[0], shape[1], size)
                        .isEqualTo(literal(crop, size));   // Arrays.equals: bit for bit
            }
        }
    }

    @Test
    void resizesAnyFloatImageAsTfjsDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int[] shape : SHAPES) {
            float[] image = new float[shape[0] * shape[1] * 3];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) (random.nextDouble() * 255);
            }
            for (int[] out : new int[][] {{224, 224}, {112, 150}, {150, 112}, {shape[1], shape[0]}}) {
                assertThat(FaceCropPreprocessor.resizeBilinearLegacy(image, shape[1], shape[0], out[0], out[1]))
                        .as("%dx%d image to %dx%d", shape[0], shape[1], out[1], out[0])
                        .isEqualTo(literalResize(image, shape[1], shape[0], out[0], out[1]));
            }
        }
    }

    @Test
    void writesOneCropIntoItsPlaceInABatchAndNowhereElse() {
        Raster crop = randomCrop(90, 120, new SplittableRandom(7));
        int per = 112 * 112 * 3;
        float[] batch = new float[3 * per];
        Arrays.fill(batch, -1f);
        FaceCropPreprocessor.writeNetInput(crop, 112, batch, per);
        float[] untouched = new float[per];
        Arrays.fill(untouched, -1f);
        assertThat(Arrays.copyOfRange(batch, per, 2 * per)).isEqualTo(literal(crop, 112));
        assertThat(Arrays.copyOfRange(batch, 0, per)).isEqualTo(untouched);
        assertThat(Arrays.copyOfRange(batch, 2 * per, 3 * per)).isEqualTo(untouched);
    }

    private static Raster randomCrop(int width, int height, SplittableRandom random) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) random.nextInt(256);
        }
        return new Raster(width, height, rgb);
    }

    /** face-api's steps as written: pad to a centred square of floats, then tfjs's legacy bilinear resize. */
    private static float[] literal(Raster crop, int size) {
        int h = crop.height();
        int w = crop.width();
        int side = Math.max(h, w);
        int diff = Math.abs(h - w);
        int before = diff - (int) Math.round(diff * 0.5);
        int offY = h < w ? before : 0;
        int offX = w < h ? before : 0;
        byte[] rgb = crop.rgb();
        float[] square = new float[side * side * 3];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w * 3; i++) {
                square[((y + offY) * side + offX) * 3 + i] = rgb[y * w * 3 + i] & 0xFF;
            }
        }
        return side == size ? square : literalResize(square, side, side, size, size);
    }

    /** tfjs-cpu's legacy bilinear resize as written, pixel by pixel. */
    private static float[] literalResize(float[] src, int inH, int inW, int outH, int outW) {
        float[] dst = new float[outH * outW * 3];
        double rowRatio = (double) inH / outH;
        double colRatio = (double) inW / outW;
        int o = 0;
        for (int r = 0; r < outH; r++) {
            int r0 = (int) Math.max(0, Math.floor(rowRatio * r));
            int r1 = (int) Math.min(inH - 1, Math.ceil(rowRatio * r));
            double fr = rowRatio * r - r0;
            for (int c = 0; c < outW; c++) {
                int c0 = (int) Math.max(0, Math.floor(colRatio * c));
                int c1 = (int) Math.min(inW - 1, Math.ceil(colRatio * c));
                double fc = colRatio * c - c0;
                for (int ch = 0; ch < 3; ch++) {
                    float tl = src[(r0 * inW + c0) * 3 + ch];
                    float tr = src[(r0 * inW + c1) * 3 + ch];
                    float bl = src[(r1 * inW + c0) * 3 + ch];
                    float br = src[(r1 * inW + c1) * 3 + ch];
                    double top = tl + (tr - (double) tl) * fc;
                    double bottom = bl + (br - (double) bl) * fc;
                    dst[o++] = (float) (top + (bottom - top) * fr);
                }
            }
        }
        return dst;
    }
}
