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
        return forBodyHeight(Math.round(Math.max(12f, screenHeight / 36f)));
    }

    /** Bakes body text {@code bodyPx} pixels high, titles 1.5 times and small text 0.75 times that. */
    public static Fonts forBodyHeight(int bodyPx) {
        ByteBuffer ttf = bundledFont();
        try {
            float unit = bodyPx;
            return new Fonts(new FontAtlas(ttf, Math.round(unit * 1.5f)), new FontAtlas(ttf, Math.round(unit)),
                    new FontAtlas(ttf, Math.round(unit * 0.75f)));
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
