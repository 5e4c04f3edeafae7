package org.tandem.engine.explain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a float32 array in NumPy's .npy format (version 1.0, little-endian, C order), one slice at a time, so maps
 * open with {@code numpy.load} without holding them all in memory. The shape is fixed up front; closing before every
 * slice was written is an error.
 */
final class NpyWriter implements AutoCloseable {
    private final OutputStream out;
    private final int sliceLength;
    private long slicesLeft;

    NpyWriter(Path file, int... shape) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
                + "), }";
        // magic (6) + version (2) + header length (2) + dict, padded with spaces and a newline to a multiple of 64
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        slicesLeft = shape[0];
        sliceLength = Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
    }

    void write(float[] slice) throws IOException {
        if (slice.length != sliceLength || slicesLeft == 0) {
            throw new IllegalArgumentException("expected " + (slicesLeft == 0 ? "no more slices" : sliceLength
                    + " values"));
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 * slice.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(slice);
        out.write(buffer.array());
        slicesLeft--;
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (slicesLeft != 0) {
            throw new IOException(slicesLeft + " slices were never written");
        }
    }
}
