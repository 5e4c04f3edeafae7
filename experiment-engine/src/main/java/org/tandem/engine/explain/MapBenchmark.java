package org.tandem.engine.explain;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tandem.observer.explain.CamMethod;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.MapResize;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;

/**
 * Times what a map costs, files aside: one batch of 16 built-in faces through the network to the mapped layer, on to
 * the score and back (the gradient), then Grad-CAM, the resize to the input and the three region shares per image.
 * A readout head is trained before the clock starts.
 */
public final class MapBenchmark {

    /** Milliseconds per map over the timed batches. */
    public record Timing(String network, String layer, String scores, int batch, int repetitions, double medianMs,
                         double minMs) {
    }

    private MapBenchmark() {
    }

    /** @param readout null for the network's own outputs, else the linear readout of its default layer */
    public static Timing run(String spec, ClassifierKind readout, int repetitions, Runnable afterEach) {
        List<ExplainImage> images = ExplainImages.builtIn(BuiltInFaceSets.DEFAULT, ExplainImages.identities(3))
                .subList(0, MapSurvey.BATCH);
        try (FeatureNetwork opened = FeatureNetworks.open(spec)) {
            ExplainableNetwork network = (ExplainableNetwork) opened;
            ScoreHead head = readout == null ? network.ownScores().orElseThrow()
                    : ReadoutHead.train(opened, opened.defaultLayer(), readout, BuiltInFaceSets.DEFAULT, 1);
            String layer = network.defaultMapLayer();
            int[] targets = new int[images.size()];
            Arrays.fill(targets, -1);
            double[] ms = new double[repetitions];
            for (int r = -1; r < repetitions; r++) {
                long start = System.nanoTime();
                LayerGradient g = network.gradient(images.stream().map(ExplainImage::crop).toList(), layer, head,
                        targets);
                double checksum = 0;
                for (int i = 0; i < images.size(); i++) {
                    ExplainImage image = images.get(i);
                    InputGeometry geometry = network.inputGeometry(image.crop().width(), image.crop().height());
                    float[] map = MapResize.bilinear(CamMethod.GRADCAM.map(g, i), g.height(), g.width(),
                            geometry.size());
                    for (String region : ExplainImages.REGIONS) {
                        boolean[] inside = image.regionMask(region, geometry);
                        for (int p = 0; p < map.length; p++) {
                            checksum += inside[p] ? map[p] : 0;
                        }
                    }
                }
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - start) / 1e6 / images.size();
                }
                if (Double.isNaN(checksum)) {
                    throw new IllegalStateException("a map holds NaN");
                }
                afterEach.run();
            }
            Percentile median = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            return new Timing(spec, layer, readout == null ? "own outputs" : readout.label() + " readout", images.size(),
                    repetitions, median.evaluate(ms, 50), Arrays.stream(ms).min().orElseThrow());
        }
    }
}
