package org.tandem.analysis.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
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
