package org.tandem.observer.faceapi;

import org.tandem.protocols.observer.Raster;

/**
 * face-api's {@code NetInput.toBatchTensor(size, centre=true)}: the crop is zero-padded to a centred square, then resized to
 * {@code size x size} with tfjs's legacy bilinear resize (alignCorners=false, halfPixelCenters=false). Output is NHWC RGB
 * 0..255 as float32, before mean subtraction, which belongs to the network body. Computed in double and stored as float,
 * as tfjs-cpu does, so the result equals face-api's tensor bit for bit.
 */
public final class FaceCropPreprocessor {
    private FaceCropPreprocessor() {
    }

    /** The HWC float32 input of one crop: {@code size * size * 3} values. */
    public static float[] toNetInput(Raster crop, int size) {
        int h = crop.height();
        int w = crop.width();
        int side = Math.max(h, w);
        int diff = Math.abs(h - w);
        int after = (int) Math.round(diff * 0.5);   // JS Math.round: halves go up, as Java's does for positives
        int before = diff - after;
        int offY = h < w ? before : 0;
        int offX = w < h ? before : 0;
        byte[] rgb = crop.rgb();
        float[] square = new float[side * side * 3];
        for (int y = 0; y < h; y++) {
            int src = y * w * 3;
            int dst = ((y + offY) * side + offX) * 3;
            for (int i = 0; i < w * 3; i++) {
                square[dst + i] = rgb[src + i] & 0xFF;
            }
        }
        return side == size ? square : resizeBilinearLegacy(square, side, side, size, size);
    }

    /** tfjs's legacy bilinear resize of an HWC RGB image; shared by every network input that needs resizing. */
    public static float[] resizeBilinearLegacy(float[] src, int inH, int inW, int outH, int outW) {
        float[] dst = new float[outH * outW * 3];
        double rowRatio = (double) inH / outH;
        double colRatio = (double) inW / outW;
        int o = 0;
        for (int r = 0; r < outH; r++) {
            double sr = rowRatio * r;
            int r0 = (int) Math.max(0, Math.floor(sr));
            double fr = sr - r0;
            int r1 = (int) Math.min(inH - 1, Math.ceil(sr));
            for (int c = 0; c < outW; c++) {
                double sc = colRatio * c;
                int c0 = (int) Math.max(0, Math.floor(sc));
                double fc = sc - c0;
                int c1 = (int) Math.min(inW - 1, Math.ceil(sc));
                int tl = (r0 * inW + c0) * 3;
                int tr = (r0 * inW + c1) * 3;
                int bl = (r1 * inW + c0) * 3;
                int br = (r1 * inW + c1) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double top = src[tl + ch] + (src[tr + ch] - (double) src[tl + ch]) * fc;
                    double bottom = src[bl + ch] + (src[br + ch] - (double) src[bl + ch]) * fc;
                    dst[o++] = (float) (top + (bottom - top) * fr);
                }
            }
        }
        return dst;
    }
}
