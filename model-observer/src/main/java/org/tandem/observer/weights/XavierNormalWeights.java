package org.tandem.observer.weights;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Untrained weights for an architecture: Xavier (Glorot) normal filters and matrices, zero biases and unit scales, drawn
 * from SplitMix64 with Box-Muller so the same seed gives the same network on every JVM and platform. Untrained twins are
 * the control that separates what a network learned from what its architecture alone does.
 */
public final class XavierNormalWeights {
    private XavierNormalWeights() {
    }

    /**
     * Fans follow Keras's Glorot rule: a 4-D TF filter [kh, kw, in, out] has fan-in kh·kw·in and fan-out kh·kw·out (so a
     * depthwise [kh, kw, C, 1] filter has fan-out kh·kw); a 2-D [in, out] matrix has fan-in in and fan-out out. Rank-1
     * tensors are biases (0), except folded batch-norm scales named {@code .../scale/weights}, which are 1 so the signal
     * passes.
     */
    public static NamedWeights generate(List<WeightShape> architecture, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        Gaussian gaussian = new Gaussian(random);
        List<WeightTensor> tensors = new ArrayList<>(architecture.size());
        for (WeightShape s : architecture) {
            int[] shape = s.shape();
            int count = 1;
            for (int d : shape) {
                count *= d;
            }
            float[] values = new float[count];
            if (shape.length == 1) {
                if (s.name().endsWith("/scale/weights")) {
                    java.util.Arrays.fill(values, 1f);
                }
            } else {
                double fanIn;
                double fanOut;
                if (shape.length == 4) {
                    fanIn = (double) shape[0] * shape[1] * shape[2];
                    fanOut = (double) shape[0] * shape[1] * shape[3];
                } else if (shape.length == 2) {
                    fanIn = shape[0];
                    fanOut = shape[1];
                } else {
                    throw new IllegalArgumentException("no Xavier rule for rank-" + shape.length + " weight " + s);
                }
                double sd = Math.sqrt(2.0 / (fanIn + fanOut));
                for (int i = 0; i < count; i++) {
                    values[i] = (float) (gaussian.next() * sd);
                }
            }
            tensors.add(new WeightTensor(s.name(), shape, values));
        }
        return new NamedWeights("untrained (Xavier normal, seed " + seed + ")", tensors);
    }

    /** Standard normal deviates by the Box-Muller transform, both of each pair used. */
    static final class Gaussian {
        private final SplitMix64 random;
        private double spare;
        private boolean hasSpare;

        Gaussian(SplitMix64 random) {
            this.random = random;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1.0 - uniform();   // (0, 1]: log is finite
            double u2 = uniform();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            spare = r * Math.sin(2 * Math.PI * u2);
            hasSpare = true;
            return r * Math.cos(2 * Math.PI * u2);
        }

        private double uniform() {
            return (random.nextLong() >>> 11) * 0x1.0p-53;
        }
    }
}
