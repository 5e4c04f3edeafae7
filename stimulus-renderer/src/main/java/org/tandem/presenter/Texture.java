package org.tandem.presenter;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL12C.GL_CLAMP_TO_EDGE;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;
import org.tandem.protocols.observer.Raster;

/**
 * An OpenGL texture holding one image. Stimuli are uploaded byte for byte ({@code GL_RGB8}, unpack alignment 1 so odd
 * widths need no row padding) and sampled nearest-neighbour, so a texture drawn at its native size on whole pixels
 * shows exactly the raster's pixels.
 */
public final class Texture implements AutoCloseable {
    private final int id;
    private final int width;
    private final int height;
    private int filter = GL_NEAREST;

    private Texture(int id, int width, int height) {
        this.id = id;
        this.width = width;
        this.height = height;
    }

    /** Uploads a raster as an RGB texture. */
    public static Texture of(Raster raster) {
        byte[] rgb = raster.rgb();
        ByteBuffer pixels = MemoryUtil.memAlloc(rgb.length);
        try {
            pixels.put(rgb).flip();
            return upload(raster.width(), raster.height(), GL_RGB8, GL_RGB, pixels);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    /** Uploads one byte per pixel into the red channel, e.g. a glyph atlas used as an alpha mask. */
    static Texture ofCoverage(int width, int height, ByteBuffer coverage) {
        return upload(width, height, org.lwjgl.opengl.GL30C.GL_R8, org.lwjgl.opengl.GL30C.GL_RED, coverage);
    }

    private static Texture upload(int width, int height, int internalFormat, int format, ByteBuffer pixels) {
        int id = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, id);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, GL_UNSIGNED_BYTE, pixels);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        return new Texture(id, width, height);
    }

    int id() {
        return id;
    }

    /**
     * Nearest sampling at native size keeps pixels exact; a stimulus scaled to a size in degrees is interpolated
     * linearly instead, which aliases less than dropping or doubling whole pixels.
     *
     */
    void useFilter(boolean nativeSize) {
        int wanted = nativeSize ? GL_NEAREST : GL_LINEAR;
        if (wanted == filter) {
            return;
        }
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, wanted);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, wanted);
        filter = wanted;
    }

    boolean samplesNearest() {
        return filter == GL_NEAREST;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        glDeleteTextures(id);
    }
}
