package org.tandem.analysis.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;

/**
 * Grouped bars: for each face region, each network's mean share of map mass with its 95 % interval as a whisker, and
 * a dashed tick at the region's share of the input's pixels (what a map spread evenly would give). Drawn directly
 * (JFreeChart's bar renderers have no asymmetric intervals).
 */
public final class RegionSharePlot {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 330;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 70;

    /** One network's bars. */
    public record Series(String name, boolean control, double[] mean, double[] lower, double[] upper, double[] area) {
    }

    private RegionSharePlot() {
    }

    public static String svg(String title, List<String> regions, List<Series> series) {
        return SvgCanvas.draw(WIDTH, HEIGHT, g -> draw(g, title, regions, series));
    }

    private static void draw(Graphics2D g, String title, List<String> regions, List<Series> series) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double top = 0.1;
        for (Series s : series) {
            for (int r = 0; r < regions.size(); r++) {
                top = Math.max(top, Math.max(finite(s.upper()[r], s.mean()[r]), s.area()[r]));
            }
        }
        top = Math.min(1, Math.ceil(top * 1.15 * 10) / 10);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 5; t++) {
            double v = top * t / 5;
            int y = TOP + plotHeight - (int) Math.round(v / top * plotHeight);
            g.setColor(new Color(0xE0, 0xE0, 0xE0));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), LEFT - 34, y + 4);
        }
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        double groupWidth = (double) plotWidth / regions.size();
        double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
        for (int r = 0; r < regions.size(); r++) {
            double groupLeft = LEFT + r * groupWidth + groupWidth * 0.1;
            g.setColor(Color.BLACK);
            g.drawString(regions.get(r), (int) (LEFT + r * groupWidth + groupWidth / 2 - 12), TOP + plotHeight + 16);
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                int x = (int) Math.round(groupLeft + i * barWidth);
                int w = (int) Math.max(2, Math.round(barWidth - 2));
                Color colour = Palette.network(i);
                if (!Double.isNaN(s.mean()[r])) {
                    int y = TOP + plotHeight - (int) Math.round(s.mean()[r] / top * plotHeight);
                    g.setColor(s.control() ? Palette.withAlpha(colour, 0.35) : colour);
                    g.fillRect(x, y, w, TOP + plotHeight - y);
                    g.setColor(colour.darker());
                    g.drawRect(x, y, w, TOP + plotHeight - y);
                }
                if (!Double.isNaN(s.lower()[r])) {
                    int yl = TOP + plotHeight - (int) Math.round(s.lower()[r] / top * plotHeight);
                    int yu = TOP + plotHeight - (int) Math.round(s.upper()[r] / top * plotHeight);
                    g.setColor(Color.BLACK);
                    g.drawLine(x + w / 2, yl, x + w / 2, yu);
                    g.drawLine(x + w / 2 - 3, yl, x + w / 2 + 3, yl);
                    g.drawLine(x + w / 2 - 3, yu, x + w / 2 + 3, yu);
                }
                int ya = TOP + plotHeight - (int) Math.round(s.area()[r] / top * plotHeight);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 2},
                        0));
                g.drawLine(x - 1, ya, x + w + 1, ya);
                g.setStroke(new BasicStroke(1));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("share of the map's mass (bars, 95 % interval); dashed: the region's share of the pixels",
                LEFT, TOP + plotHeight + 34);
        int x = LEFT;
        for (int i = 0; i < series.size(); i++) {
            Color colour = Palette.network(i);
            g.setColor(series.get(i).control() ? Palette.withAlpha(colour, 0.35) : colour);
            g.fillRect(x, TOP + plotHeight + 44, 12, 10);
            g.setColor(Color.BLACK);
            String name = series.get(i).name();
            g.drawString(name, x + 16, TOP + plotHeight + 54);
            x += 28 + g.getFontMetrics().stringWidth(name);
        }
    }

    private static double finite(double v, double fallback) {
        return Double.isNaN(v) ? (Double.isNaN(fallback) ? 0 : fallback) : v;
    }
}
