package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

/**
 * A small, exactly computable stand-in for faces and a network, for testing the readout machinery: each expression is a
 * point on a circle in (red, green), a morph lies on the chord between its ends, and each identity adds its own blue level
 * and a small shift; the "network" reports each crop's mean colour (layer {@code mean-rgb}) or its red channel only
 * ({@code red}).
 */
final class ColourCodedFaces {
    static final List<String> SIX = List.of("angry", "disgusted", "fearful", "happy", "sad", "surprised");

    private ColourCodedFaces() {
    }

    /** The crop of a stimulus: 2 × 2 pixels around the expression's colour. */
    static final CropSource CROPS = (stimulus, shown) -> crop(stimulus);

    static Raster crop(StimulusRef ref) {
        double[] rg = ref.expression() != null ? point(ref.expression()) : morph(ref);
        int identity = ref.identity().chars().sum();
        double shift = (identity % 7 - 3) * 1.5;
        byte[] rgb = new byte[12];
        for (int p = 0; p < 4; p++) {
            int wobble = p % 2 == 0 ? -2 : 2;
            rgb[3 * p] = (byte) Math.round(rg[0] + shift + wobble);
            rgb[3 * p + 1] = (byte) Math.round(rg[1] - shift - wobble);
            rgb[3 * p + 2] = (byte) (identity * 37 % 200 + 20);
        }
        return new Raster(2, 2, rgb);
    }

    private static double[] point(String expression) {
        double angle = 2 * Math.PI * SIX.indexOf(expression) / SIX.size();
        return new double[] {128 + 80 * Math.cos(angle), 128 + 80 * Math.sin(angle)};
    }

    private static double[] morph(StimulusRef ref) {
        String[] ends = ref.continuum().split("-");
        double t = Double.parseDouble(ref.level()) / 100;
        double[] from = point(ends[0]);
        double[] to = point(ends[1]);
        return new double[] {from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])};
    }

    static TrainingImages training(String set, List<String> identities, List<String> expressions) {
        List<TrainingImage> images = new ArrayList<>();
        for (String identity : identities) {
            for (String expression : expressions) {
                StimulusRef ref = StimulusRef.prototype(set, identity, expression);
                images.add(new TrainingImage(ref, expression, crop(ref)));
            }
        }
        return new TrainingImages("colour-coded", images);
    }

    /** Mean colour per channel; the test can check it was closed. */
    static final class MeanColourNetwork implements FeatureNetwork {
        boolean closed;

        @Override
        public String id() {
            return "mean-colour";
        }

        @Override
        public List<String> layers() {
            return List.of("red", "mean-rgb");
        }

        @Override
        public String defaultLayer() {
            return "mean-rgb";
        }

        @Override
        public LayerActivations activations(List<Raster> crops, String layer) {
            int channels = switch (layer) {
                case "mean-rgb" -> 3;
                case "red" -> 1;
                default -> throw new TandemException("mean-colour has no layer '" + layer + "'; it offers red, mean-rgb");
            };
            float[] data = new float[crops.size() * channels];
            for (int i = 0; i < crops.size(); i++) {
                Raster r = crops.get(i);
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    for (int y = 0; y < r.height(); y++) {
                        for (int x = 0; x < r.width(); x++) {
                            sum += r.sample(x, y, c);
                        }
                    }
                    data[i * channels + c] = (float) (sum / (r.width() * r.height()));
                }
            }
            return new LayerActivations(layer, crops.size(), new long[] {channels}, data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
