package org.tandem.observer.decision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** How far apart two feature vectors are, for feature-distance decisions such as ABX. */
public enum FeatureDistance {
    /** Straight-line distance; face-api compares its descriptors this way (0.6 is its match threshold). */
    EUCLIDEAN {
        @Override
        public double between(float[] a, float[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                double d = (double) a[i] - b[i];
                sum += d * d;
            }
            return Math.sqrt(sum);
        }
    },
    /** 1 - cosine similarity: insensitive to a layer's overall scale. Zero vectors are at 0 from each other, 1 from others. */
    COSINE {
        @Override
        public double between(float[] a, float[] b) {
            double dot = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i < a.length; i++) {
                dot += (double) a[i] * b[i];
                aa += (double) a[i] * a[i];
                bb += (double) b[i] * b[i];
            }
            if (aa == 0 || bb == 0) {
                return aa == bb ? 0 : 1;
            }
            return 1 - dot / Math.sqrt(aa * bb);
        }
    };

    /** The distance between two vectors of the same length. */
    public abstract double between(float[] a, float[] b);

    /** The name used in observer specs, e.g. {@code cosine}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeatureDistance parse(String name) {
        return Arrays.stream(values()).filter(d -> d.specName().equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("distance '" + name + "' is not known; use "
                        + Arrays.stream(values()).map(FeatureDistance::specName).collect(Collectors.joining(" or "))));
    }
}
