package org.tandem.observer.readout;

/**
 * One point of the grid cross-validation chooses from: the loss weight C, and for the RBF-kernel SVM the kernel width γ
 * of exp(−γ‖z − z′‖²) on standardised features (NaN for the linear readouts).
 */
public record Hyperparameters(double c, double gamma) {

    public static Hyperparameters linear(double c) {
        return new Hyperparameters(c, Double.NaN);
    }

    public boolean hasGamma() {
        return !Double.isNaN(gamma);
    }

    @Override
    public String toString() {
        return hasGamma() ? "C=" + c + ", gamma=" + gamma : "C=" + c;
    }
}
