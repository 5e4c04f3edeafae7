package org.tandem.stimuli.crop;

import java.awt.geom.Rectangle2D;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** Cuts a face box out of an image as face-api's extractFaces does: the box clipped to the image, then floored. */
public final class FaceBoxCrop {
    private FaceBoxCrop() {
    }

    /** @throws TandemException when the box lies outside the image (nothing of it is left after clipping) */
    public static Raster cut(Raster image, Rectangle2D box) {
        int x = (int) Math.floor(Math.max(0, box.getX()));
        int y = (int) Math.floor(Math.max(0, box.getY()));
        int width = (int) Math.floor(Math.min(box.getMaxX(), image.width()) - Math.max(0, box.getX()));
        int height = (int) Math.floor(Math.min(box.getMaxY(), image.height()) - Math.max(0, box.getY()));
        if (width < 1 || height < 1 || x + width > image.width() || y + height > image.height()) {
            throw new TandemException(String.format(java.util.Locale.ROOT, "the face box (x %.1f, y %.1f, %.1f x %.1f)"
                    + " lies outside the %d x %d image", box.getX(), box.getY(), box.getWidth(), box.getHeight(),
                    image.width(), image.height()));
        }
        return image.crop(x, y, width, height);
    }
}
