package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tandem.observer.explain.CamMethod;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.MapResize;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.nn.Layers;
import org.tandem.protocols.observer.Raster;

/**
 * The gradients class-activation maps are made of: DJL's automatic differentiation through a staged network checked
 * against central finite differences (a small float64 network, so the differences are accurate to 1e-9), and
 * Grad-CAM and LayerCAM on a hand-built network whose answer is known: one channel fires on red pixels only, the
 * explained score reads that channel alone, so the map's mass must lie on the red ellipse of the crop.
 */
class NetworkGradientTest {
    private static final int SIZE = 112;

    @Test
    void gradientsEqualFiniteDifferencesOnASmallFloat64Network() {
        try (NDManager base = DjlEngine.newBaseManager()) {
            NDManager w = base.newSubManager();
            Random random = new Random(7);
            NDArray k1 = w.create(gaussian(random, 4 * 3 * 3 * 3, 0.5), new Shape(4, 3, 3, 3));
            NDArray b1 = w.create(gaussian(random, 4, 0.1));
            NDArray k2 = w.create(gaussian(random, 4 * 4 * 3 * 3, 0.5), new Shape(4, 4, 3, 3));
            NDArray b2 = w.create(gaussian(random, 4, 0.1));
            NDArray fc = w.create(gaussian(random, 4 * 3, 1.0), new Shape(4, 3));
            List<StagedNet.Stage> stages = List.of(
                    new StagedNet.Stage("block1", x -> Layers.relu(Layers.conv(x.toType(DataType.FLOAT64, false), k1, b1,
                            2, true, 1))),
                    new StagedNet.Stage("block2", x -> Layers.relu(Layers.conv(x, k2, b2, 2, true, 1))),
                    new StagedNet.Stage("features", Layers::globalMean),
                    new StagedNet.Stage("scores", x -> x.matMul(fc)));
            try (StagedNet net = new StagedNet(w, 32, stages)) {
                List<Raster> crops = List.of(noise(new Random(1), 40, 36), noise(new Random(2), 30, 30));
                ScoreHead head = ScoreHead.outputs("scores", List.of("a", "b", "c"));
                LayerGradient g = net.gradient(crops, "block1", head, new int[] {2, -1});
                assertThat(g.channels()).isEqualTo(4);
                assertThat(g.height()).isEqualTo(16);
                assertThat(g.targets()[1]).isEqualTo(argmax(g.scores()[1]));
                // every 37th unit of both images, perturbed through the network's own intervention hook
                double h = 1e-5;
                int checked = 0;
                for (int image = 0; image < 2; image++) {
                    for (int unit = 0; unit < 4 * 16 * 16; unit += 37) {
                        double up = score(net, crops, image, unit, h, g.targets()[image]);
                        double down = score(net, crops, image, unit, -h, g.targets()[image]);
                        double numeric = (up - down) / (2 * h);
                        double automatic = g.gradients()[g.offset(image) + unit];
                        assertThat(automatic).as("image %d unit %d", image, unit)
                                .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
                        checked += numeric != 0 ? 1 : 0;
                    }
                }
                assertThat(checked).as("units with a non-zero gradient").isGreaterThan(20);
            }
        }
    }

    /** Image {@code image}'s target score with {@code delta} added to one unit of block1 (float64 throughout). */
    private static double score(StagedNet net, List<Raster> crops, int image, int unit, double delta, int target) {
        net.intervene("block1", a -> {
            double[] values = a.toDoubleArray();
            values[image * 4 * 16 * 16 + unit] += delta;
            return a.getManager().create(values, a.getShape());
        });
        try (NDManager m = net.weights().newSubManager()) {
            double[] scores = net.forward(InputBatch.of(m, crops, 32), "scores").toDoubleArray();
            return scores[image * 3 + target];
        } finally {
            net.intervene("block1", a -> a);
        }
    }

    @Test
    void mapsOfAChannelThatSeesOnlyRedLieOnTheRedEllipse() {
        // a 150 x 120 crop (padded to a square above and below) of skin colour with a red ellipse
        int width = 150;
        int height = 120;
        double cx = 48.3;
        double cy = 71.6;
        double rx = 21.0;
        double ry = 13.5;
        InputGeometry.PointTest ellipse = (x, y) -> sq((x - cx) / rx) + sq((y - cy) / ry) <= 1;
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean red = ellipse.contains(x + 0.5, y + 0.5);
                rgb[(y * width + x) * 3] = (byte) (red ? 255 : 214);
                rgb[(y * width + x) * 3 + 1] = (byte) (red ? 0 : 176);
                rgb[(y * width + x) * 3 + 2] = (byte) (red ? 0 : 150);
            }
        }
        Raster crop = new Raster(width, height, rgb);
        InputGeometry geometry = InputGeometry.faceApi(width, height, SIZE);
        boolean[] inside = geometry.mask(0, 0, ellipse);
        try (NDManager base = DjlEngine.newBaseManager()) {
            NDManager w = base.newSubManager();
            // channel 0: ReLU(R − G − 0.5) on the normalised input, only red pixels pass; channel 1: any brightness
            NDArray detect = w.create(new float[] {1, -1, 0, 0, 1, 1}, new Shape(2, 3, 1, 1));
            NDArray bias = w.create(new float[] {-0.5f, 1f});
            List<StagedNet.Stage> stages = List.of(
                    new StagedNet.Stage("detect", x -> Layers.relu(Layers.conv(x, detect, bias, 1, true, 1))),
                    new StagedNet.Stage("pooled", x -> Layers.avgPoolValid(x, 8, 8)),
                    new StagedNet.Stage("features", Layers::globalMean),
                    new StagedNet.Stage("scores", x -> x));
            try (StagedNet net = new StagedNet(w, SIZE, stages)) {
                ScoreHead head = ScoreHead.outputs("scores", List.of("red", "bright"));
                LayerGradient fine = net.gradient(List.of(crop), "detect", head, new int[] {0});
                float[] layerCam = CamMethod.LAYERCAM.map(fine, 0);
                assertThat(share(layerCam, inside)).isGreaterThan(0.99);
                LayerGradient coarse = net.gradient(List.of(crop), "pooled", head, new int[] {0});
                float[] gradCam = MapResize.bilinear(CamMethod.GRADCAM.map(coarse, 0), 14, 14, SIZE);
                double area = share(ones(), inside);
                assertThat(share(gradCam, inside)).isGreaterThan(0.6).isGreaterThan(10 * area);
                // the other class's map follows brightness (G + B), which the red ellipse lacks: its mass lies off it
                LayerGradient other = net.gradient(List.of(crop), "detect", head, new int[] {1});
                assertThat(share(CamMethod.LAYERCAM.map(other, 0), inside)).isLessThan(0.2 * area);
            }
        }
    }

    @Test
    void theInputMaskAgreesWithTheCropAsTheNetworkSeesIt() {
        // a white ellipse on black, through face-api's own preparation: where the input is pure white the mask must
        // say inside, where it is pure black outside (boundary pixels, a blend of both, may go either way)
        for (int[] size : new int[][] {{150, 120}, {97, 131}, {112, 112}, {300, 300}}) {
            int width = size[0];
            int height = size[1];
            InputGeometry.PointTest ellipse = (x, y) -> sq((x - width * 0.4) / (width * 0.22))
                    + sq((y - height * 0.6) / (height * 0.17)) <= 1;
            byte[] rgb = new byte[width * height * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (ellipse.contains(x + 0.5, y + 0.5)) {
                        rgb[(y * width + x) * 3] = (byte) 255;
                    }
                }
            }
            float[] input = FaceCropPreprocessor.toNetInput(new Raster(width, height, rgb), SIZE);
            boolean[] inside = InputGeometry.faceApi(width, height, SIZE).mask(0, 0, ellipse);
            int white = 0;
            for (int p = 0; p < SIZE * SIZE; p++) {
                float red = input[p * 3];
                if (red == 255f) {
                    white++;
                    assertThat(inside[p]).as("%dx%d input pixel %d is white", width, height, p).isTrue();
                } else if (red == 0f) {
                    assertThat(inside[p]).as("%dx%d input pixel %d is black", width, height, p).isFalse();
                }
            }
            assertThat(white).isGreaterThan(300);
        }
    }

    private static float[] ones() {
        float[] map = new float[SIZE * SIZE];
        java.util.Arrays.fill(map, 1f);
        return map;
    }

    private static double share(float[] map, boolean[] inside) {
        double in = 0;
        double all = 0;
        for (int p = 0; p < map.length; p++) {
            all += map[p];
            in += inside[p] ? map[p] : 0;
        }
        return in / all;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    private static double[] gaussian(Random random, int n, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sd * random.nextGaussian();
        }
        return v;
    }

    private static Raster noise(Random random, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        random.nextBytes(rgb);
        return new Raster(width, height, rgb);
    }
}
