package org.tandem.analysis.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.rsa.Rdm;
import org.w3c.dom.Document;

class PlotsRenderTest {

    @Test
    void curvePlotIsWellFormedSvgWithItsLegendAndLayers() throws Exception {
        double[] x = CurvePlot.grid(0, 100, 21);
        double[] y = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 / (1 + Math.exp(-(x[i] - 50) / 8));
            lo[i] = Math.max(0, y[i] - 0.1);
            hi[i] = Math.min(1, y[i] + 0.1);
        }
        String svg = new CurvePlot("happy (%)", "P(happy)", 0, 1)
                .band(x, lo, hi, Palette.network(0), 0.25)
                .line(x, y, Palette.network(0), 2.5f, 1, "faceapi:expression")
                .points(x, y, lo, hi, Palette.HUMAN, 6, 0.8, "people (mean)")
                .marker(50, Palette.HUMAN)
                .svg("Two-AFC sad→happy", 640, 420);
        save("curve.svg", svg);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("faceapi:expression").contains("people (mean)").contains("P(happy)");
    }

    @Test
    void heatMapPrintsEveryCellAndShadesByProportion() throws Exception {
        List<String> labels = List.of("happy", "sad", "angry");
        double[][] p = {{0.9, 0.05, 0.05}, {0.1, 0.7, 0.2}, {Double.NaN, Double.NaN, Double.NaN}};
        String svg = HeatMap.svg("faceapi:expression", labels, p);
        parse(svg);
        assertThat(svg).contains("0.90", "0.70", "0.20", "happy", "angry");
        assertThat(HeatMap.shade(0)).isEqualTo(java.awt.Color.WHITE);
        assertThat(HeatMap.shade(1).getBlue()).isLessThan(120);
        save("heatmap.svg", svg);
    }

    @Test
    void rdmHeatMapScalesToItsLargestEntryAndMarksUndefinedCells() throws Exception {
        Rdm rdm = Rdm.fromUpperTriangle(List.of("happy", "sad", "angry"), new double[] {1.5, Double.NaN, 0.5});
        assertThat(RdmHeatMap.max(rdm)).isEqualTo(1.5);
        String svg = RdmHeatMap.svg("people", rdm);
        parse(svg);
        // every printed value, the scale's top, the mark of the undefined cell and its legend
        assertThat(svg).contains("1.50", "0.50", "0.00", "–", "none", "angry");
        // the darkest cell is the largest entry's
        assertThat(svg).contains(fill(HeatMap.shade(1)));
        save("rdm.svg", svg);
    }

    @Test
    void largeRdmIsOneImageWithoutLabels() throws Exception {
        int n = 624;
        List<String> labels = new java.util.ArrayList<>();
        String[] category = new String[n];
        for (int i = 0; i < n; i++) {
            labels.add("face" + i);
            category[i] = "e" + i % 6;
        }
        String svg = RdmHeatMap.svg("same expression", Rdm.categorical(labels, category));
        parse(svg);
        assertThat(svg).contains("<image").doesNotContain("face17");
        assertThat(svg.length()).isLessThan(500_000);
        save("rdm-large.svg", svg);
    }

    private static String fill(java.awt.Color c) {
        return String.format("rgb(%d,%d,%d)", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Leaves the plots under target/ so a person can look at them. */
    private static void save(String name, String svg) throws Exception {
        Path dir = Path.of("target", "plots");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), svg);
    }
}
