package org.tandem.presenter;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL15C.*;
import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL30C.*;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws screens in pixel coordinates (origin at the top-left corner, y down): filled rectangles, images and glyph quads.
 * One shader program and one vertex buffer made up front; every draw call writes into a preallocated off-heap buffer,
 * so drawing allocates nothing on the Java heap.
 *
 * <p>Pixel exactness: a quad whose corners lie on whole pixel coordinates covers exactly those pixels, and each pixel
 * centre maps to a texel centre, so with nearest sampling an image drawn at native size is copied unchanged.
 */
public final class Canvas implements AutoCloseable {
    private static final int FLOATS_PER_VERTEX = 4;
    private static final int MAX_QUADS = 4096;
    private static final int MODE_SOLID = 0;
    private static final int MODE_IMAGE = 1;
    private static final int MODE_COVERAGE = 2;

    private static final String VERTEX_SHADER = """
            #version 330 core
            layout(location = 0) in vec2 position;
            layout(location = 1) in vec2 texCoord;
            uniform vec2 viewport;
            out vec2 uv;
            void main() {
                uv = texCoord;
                gl_Position = vec4(position.x * 2.0 / viewport.x - 1.0, 1.0 - position.y * 2.0 / viewport.y, 0.0, 1.0);
            }
            """;
    private static final String FRAGMENT_SHADER = """
            #version 330 core
            in vec2 uv;
            uniform int mode;
            uniform vec4 colour;
            uniform sampler2D image;
            uniform int linearise;
            uniform float lut[256];
            out vec4 fragment;
            vec3 corrected(vec3 c) {
                if (linearise == 0) {
                    return c;
                }
                ivec3 i = ivec3(clamp(c, 0.0, 1.0) * 255.0 + 0.5);
                return vec3(lut[i.r], lut[i.g], lut[i.b]);
            }
            void main() {
                if (mode == 0) {
                    fragment = vec4(corrected(colour.rgb), colour.a);
                } else if (mode == 1) {
                    fragment = vec4(corrected(texture(image, uv).rgb), 1.0);
                } else {
                    fragment = vec4(corrected(colour.rgb), colour.a * texture(image, uv).r);
                }
            }
            """;

    private final int width;
    private final int height;
    private final int program;
    private final int vertexArray;
    private final int vertexBuffer;
    private final int modeUniform;
    private final int colourUniform;
    private final FloatBuffer vertices;
    private int batchMode = -1;
    private int batchTexture;
    private Colour batchColour;
    /** The display's linearisation (256 output levels), or null: colours go to the display as they are. */
    private float[] lut;

    public Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        program = Shaders.link(VERTEX_SHADER, FRAGMENT_SHADER);
        modeUniform = glGetUniformLocation(program, "mode");
        colourUniform = glGetUniformLocation(program, "colour");
        vertexArray = glGenVertexArrays();
        vertexBuffer = glGenBuffers();
        vertices = MemoryUtil.memAllocFloat(MAX_QUADS * 6 * FLOATS_PER_VERTEX);
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferData(GL_ARRAY_BUFFER, (long) vertices.capacity() * Float.BYTES, GL_STREAM_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 0);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 2L * Float.BYTES);
        glEnableVertexAttribArray(1);
        glUseProgram(program);
        glUniform2f(glGetUniformLocation(program, "viewport"), width, height);
        glUniform1i(glGetUniformLocation(program, "image"), 0);
        glViewport(0, 0, width, height);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    }

    /**
     * Linearises luminance from now on: every colour channel c (0-1) is drawn as {@code table[round(255 c)]}, in the
     * fragment shader for images, shapes and text and on the CPU for the cleared background; null turns it off. The
     * table comes from the display's gamma calibration ({@code tandem calibrate gamma}).
     */
    public void useLinearisation(double[] table) {
        if (table != null && table.length != 256) {
            throw new IllegalArgumentException("a linearisation table has 256 entries, got " + table.length);
        }
        flush();
        glUseProgram(program);
        if (table == null) {
            lut = null;
            glUniform1i(glGetUniformLocation(program, "linearise"), 0);
            return;
        }
        lut = new float[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = (float) table[i];
        }
        glUniform1fv(glGetUniformLocation(program, "lut"), lut);
        glUniform1i(glGetUniformLocation(program, "linearise"), 1);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Starts a frame: fills the whole screen with a colour. */
    public void clear(Colour colour) {
        vertices.clear();
        batchMode = -1;
        glClearColor(corrected(colour.r()), corrected(colour.g()), corrected(colour.b()), 1f);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    /** A channel as the shader's linearisation draws it (the clear colour bypasses the shader). */
    private float corrected(float channel) {
        return lut == null ? channel : lut[Math.round(Math.max(0f, Math.min(1f, channel)) * 255f)];
    }

    public void fillRect(float x, float y, float w, float h, Colour colour) {
        begin(MODE_SOLID, 0, colour);
        quad(x, y, x + w, y + h, 0, 0, 0, 0);
    }

    /** Draws an image with its top-left corner at (x, y), stretched to w x h pixels (its own size: unchanged). */
    public void drawImage(Texture texture, int x, int y, int w, int h) {
        boolean nativeSize = w == texture.width() && h == texture.height();
        if (texture.id() == batchTexture && nativeSize != texture.samplesNearest()) {
            flush(); // the quads already batched keep the filter they were drawn with
        }
        begin(MODE_IMAGE, texture.id(), Colour.WHITE);
        texture.useFilter(nativeSize);
        quad(x, y, x + w, y + h, 0, 0, 1, 1);
    }

    /** A glyph quad from a coverage atlas, tinted with {@code colour}; consecutive glyphs are drawn in one batch. */
    void glyph(Texture atlas, Colour colour, float x0, float y0, float x1, float y1, float s0, float t0, float s1,
               float t1) {
        begin(MODE_COVERAGE, atlas.id(), colour);
        quad(x0, y0, x1, y1, s0, t0, s1, t1);
    }

    /** Sends everything drawn so far to OpenGL; call before a swap or a read-back. */
    public void flush() {
        int floats = vertices.position();
        if (floats == 0) {
            return;
        }
        vertices.flip();
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferSubData(GL_ARRAY_BUFFER, 0, vertices);
        glDrawArrays(GL_TRIANGLES, 0, floats / FLOATS_PER_VERTEX);
        vertices.clear();
    }

    private void begin(int mode, int texture, Colour colour) {
        if (mode != batchMode || texture != batchTexture || colour != batchColour || vertices.remaining() < 24) {
            flush();
            glUseProgram(program);
            glUniform1i(modeUniform, mode);
            glUniform4f(colourUniform, colour.r(), colour.g(), colour.b(), colour.a());
            if (texture != 0) {
                glActiveTexture(GL_TEXTURE0);
                glBindTexture(GL_TEXTURE_2D, texture);
            }
            batchMode = mode;
            batchTexture = texture;
            batchColour = colour;
        }
    }

    private void quad(float x0, float y0, float x1, float y1, float s0, float t0, float s1, float t1) {
        vertex(x0, y0, s0, t0);
        vertex(x1, y0, s1, t0);
        vertex(x1, y1, s1, t1);
        vertex(x0, y0, s0, t0);
        vertex(x1, y1, s1, t1);
        vertex(x0, y1, s0, t1);
    }

    private void vertex(float x, float y, float s, float t) {
        vertices.put(x).put(y).put(s).put(t);
    }

    @Override
    public void close() {
        glDeleteBuffers(vertexBuffer);
        glDeleteVertexArrays(vertexArray);
        glDeleteProgram(program);
        MemoryUtil.memFree(vertices);
    }
}
