package org.tandem.stimuli.sheet;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/** A grid of labelled thumbnails, so a person can judge a whole stimulus set at a glance. */
public final class ContactSheet {
    private static final int LABEL_HEIGHT = 18;

    private ContactSheet() {
    }

    /** One image and the caption shown under it. */
    public record Item(Raster image, String label) {
    }

    /**
     * @param cell    thumbnail side in pixels
     * @param columns thumbnails per row
     */
    public static Raster of(List<Item> items, int cell, int columns) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one image");
        }
        int rows = (items.size() + columns - 1) / columns;
        int width = Math.min(columns, items.size()) * cell;
        int height = rows * (cell + LABEL_HEIGHT);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < items.size(); i++) {
                int x = (i % columns) * cell;
                int y = (i / columns) * (cell + LABEL_HEIGHT);
                g.drawImage(RasterFiles.toImage(items.get(i).image()), x, y, cell, cell, null);
                String label = fit(items.get(i).label(), metrics, cell - 4);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label, x + (cell - metrics.stringWidth(label)) / 2, y + cell + LABEL_HEIGHT - 5);
            }
        } finally {
            g.dispose();
        }
        return RasterFiles.toRaster(sheet);
    }

    /**
     * The image scaled to {@code cell × cell} as the sheet draws it, so a writer can keep this instead of the image:
     * drawn at its own size, it gives the same sheet.
     */
    public static Raster thumbnail(Raster image, int cell) {
        BufferedImage thumbnail = new BufferedImage(cell, cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(RasterFiles.toImage(image), 0, 0, cell, cell, null);
        } finally {
            g.dispose();
        }
        return RasterFiles.toRaster(thumbnail);
    }

    private static String fit(String label, FontMetrics metrics, int width) {
        String shown = label;
        while (shown.length() > 1 && metrics.stringWidth(shown) > width) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown;
    }
}
