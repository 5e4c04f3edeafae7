package org.tandem.analysis.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * A confusion matrix as a heat map: rows are the true labels, columns the responses, each cell shaded by its row
 * proportion (white 0 to dark blue 1) and printed with it, so both the pattern and the numbers can be read.
 */
public final class HeatMap {
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08, 0x30, 0x6b);
    private static final int CELL = 46;
    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_TOP = 44;

    private HeatMap() {
    }

    /**
     * @param proportions row-normalised proportions [true][response], values in 0..1 (NaN for an empty row)
     */
    public static String svg(String title, List<String> labels, double[][] proportions) {
        int n = labels.size();
        int width = MARGIN_LEFT + n * CELL + 20;
        int height = MARGIN_TOP + n * CELL + 80;
        return SvgCanvas.draw(width, height, g -> draw(g, title, labels, proportions));
    }

    private static void draw(Graphics2D g, String title, List<String> labels, double[][] p) {
        int n = labels.size();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, MARGIN_LEFT + n * CELL + 20, MARGIN_TOP + n * CELL + 80);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 8, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("response →", MARGIN_LEFT, MARGIN_TOP - 8);
        for (int r = 0; r < n; r++) {
            String label = labels.get(r);
            g.setColor(Color.BLACK);
            g.drawString(label, MARGIN_LEFT - 6 - fm.stringWidth(label), MARGIN_TOP + r * CELL + CELL / 2 + 4);
            for (int c = 0; c < n; c++) {
                double v = p[r][c];
                int x = MARGIN_LEFT + c * CELL;
                int y = MARGIN_TOP + r * CELL;
                g.setColor(Double.isNaN(v) ? new Color(0xee, 0xee, 0xee) : shade(v));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(new Color(0xcc, 0xcc, 0xcc));
                g.drawRect(x, y, CELL, CELL);
                String text = Double.isNaN(v) ? "–" : String.format("%.2f", v);
                g.setColor(!Double.isNaN(v) && v > 0.55 ? Color.WHITE : Color.BLACK);
                g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + CELL / 2 + 4);
            }
        }
        AffineTransform saved = g.getTransform();
        g.setColor(Color.BLACK);
        for (int c = 0; c < n; c++) {
            String label = labels.get(c);
            int x = MARGIN_LEFT + c * CELL + CELL / 2 + 4;
            int y = MARGIN_TOP + n * CELL + 6;
            g.rotate(Math.toRadians(45), x, y);
            g.drawString(label, x, y + fm.getAscent());
            g.setTransform(saved);
        }
        g.drawString("true label ↓", 8, MARGIN_TOP - 8);
    }

    /** Linear blend from white to dark blue. */
    static Color shade(double v) {
        double t = Math.max(0, Math.min(1, v));
        return new Color(
                (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }
}
