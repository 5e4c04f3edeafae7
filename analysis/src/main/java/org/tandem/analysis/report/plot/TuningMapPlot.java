package org.tandem.analysis.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * A tuning map (Zhou et al., Fig. 1B): one thin row per unit, one column per expression, each cell coloured by the
 * unit's tuning value on a diverging scale (blue below the unit's mean response, red above, white at it; saturated at
 * ±{@link #LIMIT}), rows grouped by preferred expression with the groups marked on the left.
 */
public final class TuningMapPlot {
    /** Tuning values (in SD of the unit's responses) at which the colour saturates. */
    public static final double LIMIT = 2;
    private static final int COLUMN = 34;
    private static final int MAP_HEIGHT = 300;
    private static final int LEFT = 84;
    private static final int TOP = 40;
    private static final Color BLUE = new Color(0x21, 0x66, 0xac);
    private static final Color RED = new Color(0xb2, 0x18, 0x2b);

    private TuningMapPlot() {
    }

    /**
     * @param values    {@code values[row][expression]}
     * @param preferred each row's preferred expression (rows grouped by it)
     */
    public static String svg(String title, List<String> expressions, double[][] values, int[] preferred) {
        int width = LEFT + expressions.size() * COLUMN + 60;
        int height = TOP + MAP_HEIGHT + 80;
        return SvgCanvas.draw(width, height, g -> draw(g, title, expressions, values, preferred, width, height));
    }

    private static void draw(Graphics2D g, String title, List<String> expressions, double[][] values, int[] preferred,
                             int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, 6, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        int rows = values.length;
        double rowHeight = (double) MAP_HEIGHT / Math.max(1, rows);
        for (int r = 0; r < rows; r++) {
            int y0 = TOP + (int) Math.round(r * rowHeight);
            int y1 = TOP + (int) Math.round((r + 1) * rowHeight);
            for (int e = 0; e < expressions.size(); e++) {
                g.setColor(shade(values[r][e]));
                g.fillRect(LEFT + e * COLUMN, y0, COLUMN, Math.max(1, y1 - y0));
            }
        }
        g.setColor(Color.BLACK);
        int start = 0;
        for (int r = 1; r <= rows; r++) {
            if (r == rows || preferred[r] != preferred[start]) {
                int y0 = TOP + (int) Math.round(start * rowHeight);
                int y1 = TOP + (int) Math.round(r * rowHeight);
                g.drawLine(LEFT - 4, y0, LEFT - 4, y1 - 1);
                if (y1 - y0 >= 9) {
                    String label = expressions.get(preferred[start]);
                    g.drawString(label, LEFT - 8 - fm.stringWidth(label), (y0 + y1) / 2 + 4);
                }
                if (r < rows) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawLine(LEFT, y1, LEFT + expressions.size() * COLUMN, y1);
                    g.setColor(Color.BLACK);
                }
                start = r;
            }
        }
        g.drawRect(LEFT, TOP, expressions.size() * COLUMN, MAP_HEIGHT);
        AffineTransform saved = g.getTransform();
        for (int e = 0; e < expressions.size(); e++) {
            int x = LEFT + e * COLUMN + COLUMN / 2 - 3;
            int y = TOP + MAP_HEIGHT + 6;
            g.rotate(Math.toRadians(50), x, y);
            g.drawString(expressions.get(e), x, y + fm.getAscent());
            g.setTransform(saved);
        }
        int barX = LEFT + expressions.size() * COLUMN + 14;
        for (int i = 0; i < MAP_HEIGHT; i++) {
            g.setColor(shade(LIMIT - 2 * LIMIT * i / (MAP_HEIGHT - 1.0)));
            g.fillRect(barX, TOP + i, 10, 1);
        }
        g.setColor(Color.BLACK);
        g.drawString("+" + (int) LIMIT, barX + 12, TOP + 8);
        g.drawString("0", barX + 12, TOP + MAP_HEIGHT / 2 + 4);
        g.drawString("−" + (int) LIMIT, barX + 12, TOP + MAP_HEIGHT);
    }

    /** White at 0, blending to red above and blue below, saturated at ±LIMIT; NaN grey. */
    static Color shade(double v) {
        if (Double.isNaN(v)) {
            return new Color(0xdd, 0xdd, 0xdd);
        }
        double t = Math.max(-1, Math.min(1, v / LIMIT));
        Color end = t >= 0 ? RED : BLUE;
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + a * (end.getRed() - 255)), (int) Math.round(255 + a * (end.getGreen()
                - 255)), (int) Math.round(255 + a * (end.getBlue() - 255)));
    }
}
