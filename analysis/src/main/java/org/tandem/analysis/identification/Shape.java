package org.tandem.analysis.identification;

/** The curve shapes Zhou et al. fit to identification curves, with the parameters each fit reports. */
public enum Shape {
    /** p = a + b x; parameters [a, b]. */
    LINEAR(2),
    /** p = a + b x + c x²; parameters [a, b, c]. */
    QUADRATIC(3),
    /** p = 1 / (1 + exp(-k (x - x0))); parameters [x0 (the 50 % point), k (slope, per level unit)]. */
    LOGISTIC(2);

    private final int parameters;

    Shape(int parameters) {
        this.parameters = parameters;
    }

    public int parameters() {
        return parameters;
    }
}
