package org.tandem.analysis.records;

/**
 * ABX answers for one pair of continuum levels, whatever the A/B order and whichever of them X was.
 *
 * @param low   the lower level of the pair
 * @param high  the higher level of the pair
 * @param correct answered trials where X was matched correctly
 * @param total answered trials of this pair
 */
public record PairAccuracy(double low, double high, int correct, int total) {
    public PairAccuracy {
        if (total < 1 || correct < 0 || correct > total || !(low < high)) {
            throw new IllegalArgumentException("a pair accuracy needs low < high and 0 <= correct <= total >= 1, got "
                    + low + "-" + high + " " + correct + "/" + total);
        }
    }

    public double accuracy() {
        return (double) correct / total;
    }
}
