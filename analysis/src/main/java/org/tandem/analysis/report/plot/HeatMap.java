package org.tandem.analysis.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A square matrix over labels as a heat map: a confusion matrix (rows true labels, columns responses, shaded by row
 * proportion) or a dissimilarity matrix. Each cell is shaded from white (0) to dark blue (the scale's maximum), and up to
 * 13 labels its value is printed, so both the pattern and the numbers can be read. Larger matrices get smaller cells;
 * past 55 labels the labels are left out and the cells are drawn as one embedded image, so an image-level matrix (624
 * faces) stays a few hundred kilobytes instead of hundreds of thousands of SVG rectangles. Undefined (NaN) cells are
 * light grey.
 */
public final class HeatMap {
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08, 0x30, 0x6b);
    private static final Color UNDEFINED = new Color(0xee, 0xee, 0xee);
    private static final Color GRID = new Color(0xcc, 0xcc, 0xcc);
    private static final int CELL = 46;
    private static final int SIDE = 552;
    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_TOP = 44;
    private static final int LEGEND = 70;
    private static final int LEGEND_BAR = 120;

    /**
     * How to read the matrix.
     *
     * @param max     the value shaded darkest (larger values too)
     * @param rows    the caption of the rows, printed above the labels
     * @param columns the caption of the columns
     */
    public record Scale(double max, String rows, String columns) {
        public Scale {
            if (!(max > 0) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("a heat map's scale needs a finite maximum above 0, got " + max);
            }
        }
    }

    /** A confusion matrix's row proportions. */
    static final Scale PROPORTIONS = new Scale(1, "true label ↓", "response →");

    private HeatMap() {
    }

    /**
     * @param proportions row-normalised proportions [true][response], values in 0..1 (NaN for an empty row)
     */
    public static String svg(String title, List<String> labels, double[][] proportions) {
        return svg(title, labels, proportions, PROPORTIONS);
    }

    /** @param values [row][column] over {@code labels}, NaN where undefined */
    public static String svg(String title, List<String> labels, double[][] values, Scale scale) {
        Layout layout = new Layout(labels.size());
        return SvgCanvas.draw(layout.width(), layout.height(), g -> draw(g, title, labels, values, scale, layout));
    }

    /** Cell size and what fits, from the number of labels. */
    private record Layout(int n, int cell) {
        Layout(int n) {
            this(n, n <= SIDE / CELL ? CELL : Math.max(1, SIDE / n));
        }

        boolean printsValues() {
            return cell >= 40;
        }

        boolean printsLabels() {
            return cell >= 10;
        }

        int side() {
            return n * cell;
        }

        int width() {
            return MARGIN_LEFT + side() + LEGEND;
        }

        int height() {
            return MARGIN_TOP + Math.max(side(), LEGEND_BAR + 40) + 80;
        }
    }

    private static void draw(Graphics2D g, String title, List<String> labels, double[][] v, Scale scale, Layout layout) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 8, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(scale.columns(), MARGIN_LEFT, MARGIN_TOP - 8);
        g.drawString(scale.rows(), 8, MARGIN_TOP - 8);
        if (layout.printsLabels()) {
            cells(g, v, scale, layout);
            labels(g, labels, layout);
        } else {
            g.drawImage(image(v, scale, layout), MARGIN_LEFT, MARGIN_TOP, null);
            g.setColor(GRID);
            g.drawRect(MARGIN_LEFT, MARGIN_TOP, layout.side(), layout.side());
        }
        legend(g, v, scale, layout);
    }

    private static void cells(Graphics2D g, double[][] v, Scale scale, Layout layout) {
        FontMetrics fm = g.getFontMetrics();
        int cell = layout.cell();
        for (int r = 0; r < layout.n(); r++) {
            for (int c = 0; c < layout.n(); c++) {
                double value = v[r][c];
                int x = MARGIN_LEFT + c * cell;
                int y = MARGIN_TOP + r * cell;
                g.setColor(colour(value, scale));
                g.fillRect(x, y, cell, cell);
                g.setColor(GRID);
                g.drawRect(x, y, cell, cell);
                if (layout.printsValues()) {
                    String text = Double.isNaN(value) ? "–" : String.format("%.2f", value);
                    g.setColor(!Double.isNaN(value) && value / scale.max() > 0.55 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, x + (cell - fm.stringWidth(text)) / 2, y + cell / 2 + 4);
                }
            }
        }
    }

    private static void labels(Graphics2D g, List<String> labels, Layout layout) {
        int cell = layout.cell();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(11, cell)));
        FontMetrics fm = g.getFontMetrics();
        int baseline = cell / 2 + fm.getAscent() / 2 - 1;
        for (int r = 0; r < layout.n(); r++) {
            String label = labels.get(r);
            g.drawString(label, MARGIN_LEFT - 6 - fm.stringWidth(label), MARGIN_TOP + r * cell + baseline);
        }
        AffineTransform saved = g.getTransform();
        for (int c = 0; c < layout.n(); c++) {
            int x = MARGIN_LEFT + c * cell + cell / 2 + 4;
            int y = MARGIN_TOP + layout.side() + 6;
            g.rotate(Math.toRadians(45), x, y);
            g.drawString(labels.get(c), x, y + fm.getAscent());
            g.setTransform(saved);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }

    /** The cells as pixels, {@code cell} × {@code cell} each, for matrices too large to draw cell by cell. */
    private static BufferedImage image(double[][] v, Scale scale, Layout layout) {
        int cell = layout.cell();
        BufferedImage image = new BufferedImage(layout.side(), layout.side(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < layout.n(); r++) {
            for (int c = 0; c < layout.n(); c++) {
                int rgb = colour(v[r][c], scale).getRGB();
                for (int dy = 0; dy < cell; dy++) {
                    for (int dx = 0; dx < cell; dx++) {
                        image.setRGB(c * cell + dx, r * cell + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** A vertical bar from 0 to the scale's maximum beside the matrix, and a grey swatch when a cell is undefined. */
    private static void legend(Graphics2D g, double[][] v, Scale scale, Layout layout) {
        int x = MARGIN_LEFT + layout.side() + 12;
        int top = MARGIN_TOP;
        for (int k = 0; k < LEGEND_BAR; k++) {
            g.setColor(shade(1 - k / (LEGEND_BAR - 1.0)));
            g.fillRect(x, top + k, 12, 1);
        }
        g.setColor(GRID);
        g.drawRect(x, top, 12, LEGEND_BAR);
        g.setColor(Color.BLACK);
        g.drawString(String.format("%.2f", scale.max()), x + 16, top + 9);
        g.drawString("0", x + 16, top + LEGEND_BAR);
        boolean undefined = false;
        for (double[] row : v) {
            for (double value : row) {
                undefined |= Double.isNaN(value);
            }
        }
        if (undefined) {
            g.setColor(UNDEFINED);
            g.fillRect(x, top + LEGEND_BAR + 10, 12, 12);
            g.setColor(GRID);
            g.drawRect(x, top + LEGEND_BAR + 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("none", x + 16, top + LEGEND_BAR + 20);
        }
    }

    private static Color colour(double value, Scale scale) {
        return Double.isNaN(value) ? UNDEFINED : shade(value / scale.max());
    }

    /** Linear blend from white (0) to dark blue (1). */
    static Color shade(double v) {
        double t = Math.max(0, Math.min(1, v));
        return new Color(
                (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }
}
