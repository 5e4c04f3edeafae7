package org.tandem.presenter;

import static org.lwjgl.stb.STBTruetype.*;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.lwjgl.stb.STBTTFontinfo;
import org.lwjgl.stb.STBTTPackContext;
import org.lwjgl.stb.STBTTPackRange;
import org.lwjgl.stb.STBTTPackedchar;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * One font at one pixel size, packed by STB TrueType into a coverage texture: Latin-1 (code points 32..255) and any
 * further characters a protocol's texts use (Greek, Cyrillic, ...), so the atlas holds what is drawn and no more. The
 * glyph boxes are copied into plain arrays, and a character's glyph is found by binary search over the sorted code
 * points, so measuring and drawing text is pure Java arithmetic with no allocation.
 */
public final class FontAtlas implements AutoCloseable {
    private static final int FIRST = 32;
    private static final int LATIN1_END = 256;
    private static final char FALLBACK = '?';

    private final int[] codePoints;
    private final int fallback;
    private final float pixelHeight;
    private final float ascent;
    private final float lineHeight;
    private final int atlasWidth;
    private final int atlasHeight;
    private final float[] x0;
    private final float[] y0;
    private final float[] x1;
    private final float[] y1;
    private final float[] xOffset;
    private final float[] yOffset;
    private final float[] advance;
    private final Texture texture;

    /** Bakes Latin-1 of {@code ttf} (the whole font file, off-heap) at a pixel height. */
    FontAtlas(ByteBuffer ttf, float pixelHeight) {
        this(ttf, pixelHeight, "");
    }

    /**
     * Bakes Latin-1 and every other character of {@code text} at a pixel height.
     *
     * @throws org.tandem.protocols.TandemException when the font has no glyph for a character of {@code text}
     */
    FontAtlas(ByteBuffer ttf, float pixelHeight, String text) {
        this.pixelHeight = pixelHeight;
        try (MemoryStack stack = MemoryStack.stackPush(); STBTTFontinfo info = STBTTFontinfo.malloc()) {
            if (!stbtt_InitFont(info, ttf)) {
                throw new IllegalStateException("the bundled font cannot be read by STB TrueType");
            }
            codePoints = codePoints(info, text);
            float scale = stbtt_ScaleForPixelHeight(info, pixelHeight);
            IntBuffer ascentUnits = stack.mallocInt(1);
            IntBuffer descentUnits = stack.mallocInt(1);
            IntBuffer gapUnits = stack.mallocInt(1);
            stbtt_GetFontVMetrics(info, ascentUnits, descentUnits, gapUnits);
            ascent = ascentUnits.get(0) * scale;
            lineHeight = (ascentUnits.get(0) - descentUnits.get(0) + gapUnits.get(0)) * scale;
        }
        int count = codePoints.length;
        x0 = new float[count];
        y0 = new float[count];
        x1 = new float[count];
        y1 = new float[count];
        xOffset = new float[count];
        yOffset = new float[count];
        advance = new float[count];
        fallback = Arrays.binarySearch(codePoints, FALLBACK);
        try (STBTTPackedchar.Buffer chars = STBTTPackedchar.malloc(count);
             STBTTPackRange.Buffer range = STBTTPackRange.malloc(1);
             STBTTPackContext context = STBTTPackContext.malloc()) {
            IntBuffer wanted = MemoryUtil.memAllocInt(count).put(codePoints).flip();
            range.get(0).font_size(pixelHeight).first_unicode_codepoint_in_range(0)
                    .array_of_unicode_codepoints(wanted).num_chars(count).chardata_for_range(chars);
            int size = 256;
            Texture baked = null;
            try {
                while (baked == null) {
                    ByteBuffer bitmap = MemoryUtil.memCalloc(size * size);
                    try {
                        // every glyph packed means done; otherwise retry on a larger atlas
                        stbtt_PackBegin(context, bitmap, size, size, 0, 1, MemoryUtil.NULL);
                        boolean packed = stbtt_PackFontRanges(context, ttf, 0, range);
                        stbtt_PackEnd(context);
                        if (packed) {
                            baked = Texture.ofCoverage(size, size, bitmap);
                        } else {
                            size *= 2;
                        }
                    } finally {
                        MemoryUtil.memFree(bitmap);
                    }
                }
            } finally {
                MemoryUtil.memFree(wanted);
            }
            texture = baked;
            atlasWidth = size;
            atlasHeight = size;
            for (int i = 0; i < count; i++) {
                STBTTPackedchar glyph = chars.get(i);
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

    /** Latin-1 and the other characters of {@code text}, sorted, each once; refused when the font lacks one. */
    private static int[] codePoints(STBTTFontinfo info, String text) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (int c = FIRST; c < LATIN1_END; c++) {
            all.add(c);
        }
        text.codePoints().filter(c -> c >= LATIN1_END).forEach(c -> {
            if (stbtt_FindGlyphIndex(info, c) == 0) {
                throw new org.tandem.protocols.TandemException(String.format(java.util.Locale.ROOT, "the station's"
                        + " font (DejaVu Sans) has no glyph for '%s' (U+%04X); write the protocol's texts in Latin,"
                        + " Greek or Cyrillic letters", new String(Character.toChars(c)), c));
            }
            all.add(c);
        });
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the atlas holds this character's glyph (otherwise it draws as '?'). */
    public boolean covers(int codePoint) {
        return Arrays.binarySearch(codePoints, codePoint) >= 0;
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

    private int glyph(char c) {
        int i = Arrays.binarySearch(codePoints, c);
        return i >= 0 ? i : fallback;
    }

    @Override
    public void close() {
        texture.close();
    }
}
