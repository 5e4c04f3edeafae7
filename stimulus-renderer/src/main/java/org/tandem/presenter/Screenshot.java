package org.tandem.presenter;

import static org.lwjgl.opengl.GL11C.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;
import org.tandem.protocols.observer.Raster;

/** Reads what has been drawn into the current framebuffer back as a {@link Raster} (top row first). */
public final class Screenshot {
    private Screenshot() {
    }

    /** The whole canvas; call after drawing and before the swap. */
    public static Raster of(Canvas canvas) {
        return region(canvas, 0, 0, canvas.width(), canvas.height());
    }

    /** A rectangle given in canvas coordinates (top-left origin). */
    public static Raster region(Canvas canvas, int x, int y, int width, int height) {
        canvas.flush();
        glFinish();
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 3);
        try {
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            // OpenGL's rows run bottom to top
            glReadPixels(x, canvas.height() - y - height, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels);
            byte[] rgb = new byte[width * height * 3];
            int rowBytes = width * 3;
            for (int row = 0; row < height; row++) {
                pixels.get((height - 1 - row) * rowBytes, rgb, row * rowBytes, rowBytes);
            }
            return new Raster(width, height, rgb);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }
}
