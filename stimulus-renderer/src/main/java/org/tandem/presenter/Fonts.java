package org.tandem.presenter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The presenter's text sizes, all baked from the bundled DejaVu Sans (Bitstream Vera licence, shipped beside the font as
 * {@code DejaVuSans-LICENSE.txt}). Sizes follow the screen height so text looks the same on any monitor.
 */
public final class Fonts implements AutoCloseable {
    static final String FONT_RESOURCE = "font/DejaVuSans.ttf";

    private final FontAtlas title;
    private final FontAtlas body;
    private final FontAtlas small;

    private Fonts(FontAtlas title, FontAtlas body, FontAtlas small) {
        this.title = title;
        this.body = body;
        this.small = small;
    }

    /** Bakes the three sizes for a screen {@code screenHeight} pixels tall (needs a current OpenGL context). */
    public static Fonts forScreenHeight(int screenHeight) {
        return forBodyHeight(bodyHeightFor(screenHeight));
    }

    /** Bakes body text {@code bodyPx} pixels high, titles 1.5 times and small text 0.75 times that. */
    public static Fonts forBodyHeight(int bodyPx) {
        return forBodyHeight(bodyPx, "");
    }

    /** The body text height {@link #forScreenHeight} chooses for a screen {@code screenHeight} pixels tall. */
    public static int bodyHeightFor(int screenHeight) {
        return Math.round(Math.max(12f, screenHeight / 36f));
    }

    /**
     * As {@link #forBodyHeight(int)}, covering every character of {@code text} besides Latin-1 (a protocol's wording
     * in Greek, say).
     *
     * @throws org.tandem.protocols.TandemException when the font has no glyph for one of them
     */
    public static Fonts forBodyHeight(int bodyPx, String text) {
        ByteBuffer ttf = bundledFont();
        FontAtlas title = null;
        FontAtlas body = null;
        try {
            float unit = bodyPx;
            title = new FontAtlas(ttf, Math.round(unit * 1.5f), text);
            body = new FontAtlas(ttf, Math.round(unit), text);
            return new Fonts(title, body, new FontAtlas(ttf, Math.round(unit * 0.75f), text));
        } catch (RuntimeException e) {
            if (title != null) {
                title.close();
            }
            if (body != null) {
                body.close();
            }
            throw e;
        } finally {
            MemoryUtil.memFree(ttf);
        }
    }

    private static ByteBuffer bundledFont() {
        try (InputStream in = Fonts.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + FONT_RESOURCE + " is missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer buffer = MemoryUtil.memAlloc(bytes.length);
            buffer.put(bytes).flip();
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + FONT_RESOURCE, e);
        }
    }

    public FontAtlas title() {
        return title;
    }

    public FontAtlas body() {
        return body;
    }

    public FontAtlas small() {
        return small;
    }

    @Override
    public void close() {
        title.close();
        body.close();
        small.close();
    }
}
