package org.tandem.analysis.report.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/** Renders charts and drawings to SVG text that a report embeds inline, so the page opens offline with nothing beside it. */
public final class SvgCanvas {
    static {
        // Plots are drawn on servers and CI machines without a display.
        System.setProperty("java.awt.headless", "true");
        // Rotated labels (the y axis) as real text, not glyph outlines, so the page stays searchable and small.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgCanvas() {
    }

    public static String of(JFreeChart chart, int width, int height) {
        return draw(width, height, g -> chart.draw(g, new Rectangle(0, 0, width, height)));
    }

    public static String draw(int width, int height, Consumer<Graphics2D> drawing) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawing.accept(g);
        return g.getSVGElement();
    }
}
