package org.tandem.protocols.observer;

import java.util.Arrays;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A plain RGB image, 8 bits per channel, rows top to bottom: exactly what the presenter uploads as a texture and what a
 * network's preprocessing starts from. Immutable; equality and hashing are by content.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final byte[] rgb;
    /** {@link #contentHash()}, computed on first use: the same image is looked up under its hash many times. */
    private volatile String contentHash;

    public Raster(int width, int height, byte[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive, got " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("raster " + width + "x" + height + " needs " + (width * height * 3)
                    + " RGB bytes, got " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the RGB bytes (row-major, top row first). */
    public byte[] rgb() {
        return rgb.clone();
    }

    /** Channel value 0..255 of pixel (x, y); channel 0 = red, 1 = green, 2 = blue. */
    public int sample(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }

    /** The pixels of a rectangle inside this raster, copied. */
    public Raster crop(int x, int y, int cropWidth, int cropHeight) {
        if (x < 0 || y < 0 || cropWidth <= 0 || cropHeight <= 0 || x + cropWidth > width || y + cropHeight > height) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + " at (" + x + ", " + y
                    + ") does not fit in a " + width + "x" + height + " raster");
        }
        byte[] out = new byte[cropWidth * cropHeight * 3];
        for (int row = 0; row < cropHeight; row++) {
            System.arraycopy(rgb, ((y + row) * width + x) * 3, out, row * cropWidth * 3, cropWidth * 3);
        }
        return new Raster(cropWidth, cropHeight, out);
    }

    /** SHA-256 of size and pixels: the key under which stimulus libraries cache images. */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            hash = hashOf(width, height, rgb);
            contentHash = hash;
        }
        return hash;
    }

    private static String hashOf(int width, int height, byte[] rgb) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((width + "x" + height + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            digest.update(rgb);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Raster other && width == other.width && height == other.height && Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "Raster[" + width + "x" + height + "]";
    }
}
