package org.tandem.observer.explain;

/**
 * How a class-activation map is made from a layer's activations A and the gradient G of the target score (ReLU of the
 * sum over channels k, at every position):
 * <ul>
 * <li>{@link #GRADCAM}: Selvaraju et al. (2017), each channel weighted by its gradient averaged over positions:
 * ReLU(Σ_k mean(G_k) · A_k);</li>
 * <li>{@link #LAYERCAM}: Jiang et al. (2021), each position weighted by its own positive gradient:
 * ReLU(Σ_k ReLU(G_k) · A_k), which keeps finer detail in earlier layers.</li>
 * </ul>
 */
public enum CamMethod {
    GRADCAM("gradcam"), LAYERCAM("layercam");

    private final String cliName;

    CamMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static CamMethod parse(String name) {
        for (CamMethod m : values()) {
            if (m.cliName.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new org.tandem.protocols.TandemException("unknown map method '" + name + "'; use gradcam or layercam");
    }

    /** The map of one image, rows × columns of the layer, every value ≥ 0. */
    public float[] map(LayerGradient g, int image) {
        int positions = g.height() * g.width();
        double[] sum = new double[positions];
        int base = g.offset(image);
        for (int k = 0; k < g.channels(); k++) {
            int channel = base + k * positions;
            if (this == GRADCAM) {
                double weight = 0;
                for (int p = 0; p < positions; p++) {
                    weight += g.gradients()[channel + p];
                }
                weight /= positions;
                for (int p = 0; p < positions; p++) {
                    sum[p] += weight * g.activations()[channel + p];
                }
            } else {
                for (int p = 0; p < positions; p++) {
                    float gradient = g.gradients()[channel + p];
                    if (gradient > 0) {
                        sum[p] += gradient * g.activations()[channel + p];
                    }
                }
            }
        }
        float[] map = new float[positions];
        for (int p = 0; p < positions; p++) {
            map[p] = (float) Math.max(0, sum[p]);
        }
        return map;
    }
}
