package org.tandem.analysis.records;

/**
 * Answers at one level of a continuum: {@code k} of {@code n} answered trials chose the counted label.
 *
 * @param level the continuum level (e.g. percent happiness)
 */
public record LevelCount(double level, int k, int n) {
    public LevelCount {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("a level count needs 0 <= k <= n and n >= 1, got k=" + k + ", n=" + n);
        }
    }

    public double proportion() {
        return (double) k / n;
    }
}
