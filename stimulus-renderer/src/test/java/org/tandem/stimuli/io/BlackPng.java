package org.tandem.stimuli.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a valid all-black PNG of any size without holding its pixels: 1-bit greyscale rows of zeros streamed through
 * zlib, so a 20000 × 20000 image (50 MB of rows) is a file of about 50 KB, made in well under a second. Huge images for
 * size-limit tests are made this way rather than as a {@code BufferedImage}, which would need gigabytes.
 */
public final class BlackPng {
    private BlackPng() {
    }

    public static Path write(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[1 + (width + 7) / 8];   // filter type 0, then the row's bits: all 0, black
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(1);   // bit depth
        header.writeByte(0);   // greyscale
        header.writeByte(0);   // deflate
        header.writeByte(0);   // adaptive filtering
        header.writeByte(0);   // no interlace
        try (DataOutputStream png = new DataOutputStream(Files.newOutputStream(file))) {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(png, "IHDR", ihdr.toByteArray());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt(data.length);
        png.write(name);
        png.write(data);
        png.writeInt((int) crc.getValue());
    }
}
