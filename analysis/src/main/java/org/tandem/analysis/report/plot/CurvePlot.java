package org.tandem.analysis.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Curves over a stimulus axis with confidence bands and data points: psychometric and identification plots. Layers are
 * drawn in the order added (bands first, then lines and points on top); only layers given a legend label appear in the
 * legend, so forty faint participant curves do not drown it.
 */
public final class CurvePlot {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String xLabel;
    private final String yLabel;
    private final XYPlot plot;
    private final LegendItemCollection legend = new LegendItemCollection();
    private int layers;

    public CurvePlot(String xLabel, String yLabel, double yMin, double yMax) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(yMin, yMax);
        if (yMin == 0 && yMax == 1) {
            y.setTickUnit(new NumberTickUnit(0.1));
        }
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        for (NumberAxis axis : List.of(x, y)) {
            axis.setLabelFont(LABEL_FONT);
        }
        plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    /** Names the x positions 0, 1, 2, … (conditions rather than a scale); points then lie at those whole numbers. */
    public CurvePlot categories(List<String> names) {
        SymbolAxis x = new SymbolAxis(xLabel, names.toArray(new String[0]));
        x.setGridBandsVisible(false);
        x.setLabelFont(LABEL_FONT);
        x.setLowerMargin(0.08);
        x.setUpperMargin(0.08);
        plot.setDomainAxis(x);
        return this;
    }

    /** A shaded band between {@code lower} and {@code upper}, e.g. a curve's pointwise 95 % interval. */
    public CurvePlot band(double[] x, double[] lower, double[] upper, Color color, double alpha) {
        YIntervalSeries s = new YIntervalSeries("band" + layers);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], (lower[i] + upper[i]) / 2, lower[i], upper[i]);
        }
        DeviationRenderer r = new DeviationRenderer(false, false);
        r.setSeriesFillPaint(0, Palette.withAlpha(color, alpha));
        r.setSeriesPaint(0, Palette.withAlpha(color, 0));
        r.setAlpha(1f);
        return add(intervals(s), r);
    }

    /** A line through the points, e.g. a fitted curve; {@code legendLabel} may be null. */
    public CurvePlot line(double[] x, double[] y, Color color, float width, double alpha, String legendLabel) {
        return stroked(x, y, color, alpha, legendLabel,
                new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** A dashed line, e.g. a prediction next to the observed line in the same colour. */
    public CurvePlot dashedLine(double[] x, double[] y, Color color, float width, double alpha, String legendLabel) {
        return stroked(x, y, color, alpha, legendLabel, new BasicStroke(width, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    }

    private CurvePlot stroked(double[] x, double[] y, Color color, double alpha, String legendLabel,
                              BasicStroke stroke) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color paint = Palette.withAlpha(color, alpha);
        r.setSeriesPaint(0, paint);
        r.setSeriesStroke(0, stroke);
        if (legendLabel != null) {
            legend.add(new LegendItem(legendLabel, null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(Math.max(stroke.getLineWidth(), 2f), stroke.getEndCap(), stroke.getLineJoin(),
                            stroke.getMiterLimit(), stroke.getDashArray(), 0f), paint));
        }
        return add(xy(x, y), r);
    }

    /** Data points with optional vertical error bars ({@code lower}/{@code upper} may be null). */
    public CurvePlot points(double[] x, double[] y, double[] lower, double[] upper, Color color, double size,
                            double alpha, String legendLabel) {
        Color paint = Palette.withAlpha(color, alpha);
        Ellipse2D.Double dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        if (lower != null && upper != null) {
            YIntervalSeries s = new YIntervalSeries("points" + layers);
            for (int i = 0; i < x.length; i++) {
                s.add(x[i], y[i], lower[i], upper[i]);
            }
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(false);
            r.setSeriesShape(0, dot);
            r.setSeriesPaint(0, paint);
            r.setErrorPaint(paint);
            add(intervals(s), r);
        } else {
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            r.setSeriesShape(0, dot);
            r.setSeriesPaint(0, paint);
            add(xy(x, y), r);
        }
        if (legendLabel != null) {
            legend.add(new LegendItem(legendLabel, null, null, null, dot, paint));
        }
        return this;
    }

    /** A dashed vertical reference line, e.g. at a PSE or the category boundary. */
    public CurvePlot marker(double x, Color color) {
        ValueMarker m = new ValueMarker(x);
        m.setPaint(Palette.withAlpha(color, 0.6));
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        plot.addDomainMarker(m);
        return this;
    }

    public String svg(String title, int width, int height) {
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, legend.getItemCount() > 0);
        chart.setBackgroundPaint(Color.WHITE);
        return SvgCanvas.of(chart, width, height);
    }

    @Override
    public String toString() {
        return "CurvePlot[" + xLabel + " vs " + yLabel + ", " + layers + " layers]";
    }

    private CurvePlot add(XYDataset data, XYItemRenderer renderer) {
        plot.setDataset(layers, data);
        plot.setRenderer(layers, renderer);
        layers++;
        return this;
    }

    private static YIntervalSeriesCollection intervals(YIntervalSeries s) {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        return c;
    }

    private static XYSeriesCollection xy(double[] x, double[] y) {
        XYSeries s = new XYSeries("s", false, true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        return new XYSeriesCollection(s);
    }

    /** Evenly spaced values from {@code from} to {@code to}, for drawing smooth curves. */
    public static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + (to - from) * i / (n - 1);
        }
        return g;
    }
}
