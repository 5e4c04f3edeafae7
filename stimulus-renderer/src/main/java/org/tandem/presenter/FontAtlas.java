package org.tandem.presenter;

import static org.lwjgl.stb.STBTruetype.*;

import java.nio.ByteBuffer;
import org.lwjgl.stb.STBTTBakedChar;
import org.lwjgl.stb.STBTTFontinfo;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.IntBuffer;

/**
 * One font at one pixel size, baked by STB TrueType into a coverage texture (Latin-1: code points 32..255). The glyph
 * boxes are copied into plain arrays, so measuring and drawing text is pure Java arithmetic with no allocation.
 */
public final class FontAtlas implements AutoCloseable {
    private static final int FIRST = 32;
    private static final int COUNT = 224;
    private static final char FALLBACK = '?';

    private final float pixelHeight;
    private final float ascent;
    private final float lineHeight;
    private final int atlasWidth;
    private final int atlasHeight;
    private final float[] x0 = new float[COUNT];
    private final float[] y0 = new float[COUNT];
    private final float[] x1 = new float[COUNT];
    private final float[] y1 = new float[COUNT];
    private final float[] xOffset = new float[COUNT];
    private final float[] yOffset = new float[COUNT];
    private final float[] advance = new float[COUNT];
    private final Texture texture;

    /** Bakes {@code ttf} (the whole font file, off-heap) at a pixel height. */
    FontAtlas(ByteBuffer ttf, float pixelHeight) {
        this.pixelHeight = pixelHeight;
        try (MemoryStack stack = MemoryStack.stackPush(); STBTTFontinfo info = STBTTFontinfo.malloc()) {
            if (!stbtt_InitFont(info, ttf)) {
                throw new IllegalStateException("the bundled font cannot be read by STB TrueType");
            }
            float scale = stbtt_ScaleForPixelHeight(info, pixelHeight);
            IntBuffer ascentUnits = stack.mallocInt(1);
            IntBuffer descentUnits = stack.mallocInt(1);
            IntBuffer gapUnits = stack.mallocInt(1);
            stbtt_GetFontVMetrics(info, ascentUnits, descentUnits, gapUnits);
            ascent = ascentUnits.get(0) * scale;
            lineHeight = (ascentUnits.get(0) - descentUnits.get(0) + gapUnits.get(0)) * scale;
        }
        try (STBTTBakedChar.Buffer chars = STBTTBakedChar.malloc(COUNT)) {
            int size = 256;
            Texture baked = null;
            while (baked == null) {
                ByteBuffer bitmap = MemoryUtil.memAlloc(size * size);
                try {
                    // a positive result means every glyph fitted; otherwise retry on a larger atlas
                    if (stbtt_BakeFontBitmap(ttf, pixelHeight, bitmap, size, size, FIRST, chars) > 0) {
                        baked = Texture.ofCoverage(size, size, bitmap);
                    } else {
                        size *= 2;
                    }
                } finally {
                    MemoryUtil.memFree(bitmap);
                }
            }
            texture = baked;
            atlasWidth = size;
            atlasHeight = size;
            for (int i = 0; i < COUNT; i++) {
                STBTTBakedChar glyph = chars.get(i);
                x0[i] = glyph.x0();
                y0[i] = glyph.y0();
                x1[i] = glyph.x1();
                y1[i] = glyph.y1();
                xOffset[i] = glyph.xoff();
                yOffset[i] = glyph.yoff();
                advance[i] = glyph.xadvance();
            }
        }
    }

    public float pixelHeight() {
        return pixelHeight;
    }

    /** Distance from the top of a line to its baseline. */
    public float ascent() {
        return ascent;
    }

    /** Distance between the baselines of consecutive lines. */
    public float lineHeight() {
        return lineHeight;
    }

    /** The advance width of a text in pixels. */
    public float width(CharSequence text) {
        float width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += advance[glyph(text.charAt(i))];
        }
        return width;
    }

    /** Draws a text with its baseline starting at (x, baseline). */
    public void draw(Canvas canvas, CharSequence text, float x, float baseline, Colour colour) {
        float pen = x;
        float invW = 1f / atlasWidth;
        float invH = 1f / atlasHeight;
        for (int i = 0; i < text.length(); i++) {
            int g = glyph(text.charAt(i));
            // whole-pixel glyph positions, as stbtt_GetBakedQuad does, keep the baked coverage sharp
            float left = (float) Math.floor(pen + xOffset[g] + 0.5f);
            float top = (float) Math.floor(baseline + yOffset[g] + 0.5f);
            if (x1[g] > x0[g]) {
                canvas.glyph(texture, colour, left, top, left + x1[g] - x0[g], top + y1[g] - y0[g],
                        x0[g] * invW, y0[g] * invH, x1[g] * invW, y1[g] * invH);
            }
            pen += advance[g];
        }
    }

    /** Draws a text centred horizontally on {@code centreX}. */
    public void drawCentred(Canvas canvas, CharSequence text, float centreX, float baseline, Colour colour) {
        draw(canvas, text, (float) Math.floor(centreX - width(text) / 2), baseline, colour);
    }

    private static int glyph(char c) {
        return (c >= FIRST && c < FIRST + COUNT ? c : FALLBACK) - FIRST;
    }

    @Override
    public void close() {
        texture.close();
    }
}
