package org.tandem.observer.human;

import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.faceapi.FaceCropPreprocessor;
import org.tandem.protocols.observer.Raster;

/**
 * How the @vladmandic/human library prepares a face for each network, step by step as its {@code src/} does it, in float32
 * arithmetic like TF.js. The library first cuts the face out of the frame into its face tensor
 * ({@code face/facemeshutil.ts cutAndResize}: {@code tf.image.cropAndResize} to the 192 x 192 input of its face mesh,
 * divided by 255); Tandem's face crop of a stimulus takes the place of the library's detected box. Then each network's
 * own step follows (its {@code predict} function).
 */
final class HumanInput {
    /** The side of the library's face tensor: the input of its face mesh model. */
    static final int FACE_SIZE = 192;
    /** The library's grey weights ({@code tfjs/constants.ts rgb}). */
    private static final float[] GREY = {0.2989f, 0.5870f, 0.1140f};

    /** Each network's step after the face tensor. */
    enum Preparation {
        /** {@code gear/emotion.ts}: resizeBilinear to 64, grey = sum of rgb x weights, then (grey - 0.5) x 2. */
        GREY_CENTRED,
        /** {@code face/mobilefacenet.ts}, {@code face/insightface.ts}: resizeBilinear to the input size, values 0..1. */
        UNIT,
        /** {@code face/faceres.ts enhance}: resizeBilinear to 224, times 255. */
        BYTE_RANGE,
        /** {@code gear/gear.ts}: cropAndResize of the box (top 0, left 0.10, bottom 0.90, right 0.90) to 198. */
        GEAR_CROP,
        /**
         * {@code object/centernet.ts}: the whole input image (0..255), resizeBilinear to 512; Tandem gives it the
         * stimulus's face crop, as the other networks get it.
         */
        OBJECT
    }

    private HumanInput() {
    }

    /** Channels of the network input for a preparation. */
    static int channels(Preparation p) {
        return p == Preparation.GREY_CENTRED ? 1 : 3;
    }

    /** The network input for one crop: {@code size * size * channels} floats, NHWC order. */
    static float[] prepare(Preparation p, Raster crop, int size) {
        if (p == Preparation.OBJECT) {
            return FaceCropPreprocessor.resizeBilinearLegacy(bytes(crop), crop.height(), crop.width(), size, size);
        }
        float[] face = faceTensor(crop);
        return switch (p) {
            case UNIT -> FaceCropPreprocessor.resizeBilinearLegacy(face, FACE_SIZE, FACE_SIZE, size, size);
            case BYTE_RANGE -> {
                float[] resized = FaceCropPreprocessor.resizeBilinearLegacy(face, FACE_SIZE, FACE_SIZE, size, size);
                for (int i = 0; i < resized.length; i++) {
                    resized[i] = resized[i] * 255f;
                }
                yield resized;
            }
            case GREY_CENTRED -> {
                float[] resized = FaceCropPreprocessor.resizeBilinearLegacy(face, FACE_SIZE, FACE_SIZE, size, size);
                float[] grey = new float[size * size];
                for (int i = 0; i < grey.length; i++) {
                    float sum = resized[3 * i] * GREY[0] + resized[3 * i + 1] * GREY[1];
                    sum = sum + resized[3 * i + 2] * GREY[2];
                    grey[i] = (sum - 0.5f) * 2f;
                }
                yield grey;
            }
            case GEAR_CROP -> cropAndResize(face, FACE_SIZE, FACE_SIZE, 0, 0.10, 0.90, 0.90, size, size);
            case OBJECT -> throw new IllegalStateException("handled above");
        };
    }

    /** The network input for one crop as an RGB picture, 0..255 ({@code size * size * 3}): grey inputs shown grey. */
    static float[] pixels(Preparation p, Raster crop, int size) {
        float[] input = prepare(p, crop, size);
        if (p == Preparation.GREY_CENTRED) {
            float[] rgb = new float[input.length * 3];
            for (int i = 0; i < input.length; i++) {
                java.util.Arrays.fill(rgb, 3 * i, 3 * i + 3, (input[i] / 2f + 0.5f) * 255f);
            }
            return rgb;
        }
        if (p == Preparation.UNIT || p == Preparation.GEAR_CROP) {
            for (int i = 0; i < input.length; i++) {
                input[i] = input[i] * 255f;
            }
        }
        return input;
    }

    /**
     * Where each input pixel samples the crop. crop_and_resize maps the box's corner pixel indices onto the output's
     * (so a w-pixel crop to the 192-pixel face tensor takes (w - 1) / 191 crop pixels per face pixel); tfjs's legacy
     * resize samples index {@code i · in / out}. Both are axis-aligned affine maps of pixel indices, so their
     * composition is one, with its own scale per axis when the crop is not square.
     */
    static InputGeometry geometry(Preparation p, int cropWidth, int cropHeight, int size) {
        if (p == Preparation.OBJECT) {
            return new InputGeometry(size, (double) cropWidth / size,
                    (double) cropHeight / size, 0, 0);
        }
        double perFaceX = (cropWidth - 1) / (double) (FACE_SIZE - 1);
        double perFaceY = (cropHeight - 1) / (double) (FACE_SIZE - 1);
        if (p == Preparation.GEAR_CROP) {
            // the box (top 0, left 0.10, bottom 0.90, right 0.90) of the face tensor, its corners onto the input's
            return new InputGeometry(size,
                    0.80 * (FACE_SIZE - 1) / (size - 1) * perFaceX, 0.90 * (FACE_SIZE - 1) / (size - 1) * perFaceY,
                    -0.10 * (FACE_SIZE - 1) * perFaceX, 0);
        }
        double faceStep = (double) FACE_SIZE / size;
        return new InputGeometry(size, faceStep * perFaceX, faceStep * perFaceY, 0, 0);
    }

    /** The library's face tensor: the crop through cropAndResize to 192 x 192, then / 255. */
    static float[] faceTensor(Raster crop) {
        float[] resized = cropAndResize(bytes(crop), crop.height(), crop.width(), 0, 0, 1, 1, FACE_SIZE, FACE_SIZE);
        for (int i = 0; i < resized.length; i++) {
            resized[i] = resized[i] / 255f;
        }
        return resized;
    }

    private static float[] bytes(Raster crop) {
        byte[] rgb = crop.rgb();
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = rgb[i] & 0xFF;
        }
        return out;
    }

    /**
     * TensorFlow's {@code crop_and_resize} (bilinear, extrapolation 0) of one box, given as fractions of the image
     * (top, left, bottom, right), of an HWC RGB image: the box's corners map onto the output's corner pixels.
     */
    static float[] cropAndResize(float[] image, int height, int width, double y1, double x1, double y2, double x2,
            int outH, int outW) {
        float[] out = new float[outH * outW * 3];
        double heightScale = outH > 1 ? (y2 - y1) * (height - 1) / (outH - 1) : 0;
        double widthScale = outW > 1 ? (x2 - x1) * (width - 1) / (outW - 1) : 0;
        for (int y = 0; y < outH; y++) {
            double inY = outH > 1 ? y1 * (height - 1) + y * heightScale : 0.5 * (y1 + y2) * (height - 1);
            if (inY < 0 || inY > height - 1) {
                continue;
            }
            int top = (int) Math.floor(inY);
            int bottom = (int) Math.ceil(inY);
            double yLerp = inY - top;
            for (int x = 0; x < outW; x++) {
                double inX = outW > 1 ? x1 * (width - 1) + x * widthScale : 0.5 * (x1 + x2) * (width - 1);
                if (inX < 0 || inX > width - 1) {
                    continue;
                }
                int left = (int) Math.floor(inX);
                int right = (int) Math.ceil(inX);
                double xLerp = inX - left;
                for (int c = 0; c < 3; c++) {
                    double topLeft = image[(top * width + left) * 3 + c];
                    double topRight = image[(top * width + right) * 3 + c];
                    double bottomLeft = image[(bottom * width + left) * 3 + c];
                    double bottomRight = image[(bottom * width + right) * 3 + c];
                    double upper = topLeft + (topRight - topLeft) * xLerp;
                    double lower = bottomLeft + (bottomRight - bottomLeft) * xLerp;
                    out[(y * outW + x) * 3 + c] = (float) (upper + (lower - upper) * yLerp);
                }
            }
        }
        return out;
    }
}
