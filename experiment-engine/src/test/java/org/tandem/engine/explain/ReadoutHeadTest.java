package org.tandem.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.readout.LinearModel;
import org.tandem.observer.readout.Standardisation;

/** A readout folded into plain weights gives the readout's own decision values for any row. */
class ReadoutHeadTest {

    @Test
    void foldedWeightsGiveTheReadoutsDecisionValues() {
        Random random = new Random(3);
        float[][] rows = new float[20][5];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * (j + 1) + j);
            }
        }
        double[][] weights = new double[3][6];
        for (double[] w : weights) {
            for (int j = 0; j < w.length; j++) {
                w[j] = random.nextGaussian();
            }
        }
        LinearModel model = new LinearModel(Standardisation.fit(rows), weights);
        ScoreHead head = ReadoutHead.fold("features", List.of("a", "b", "c"), model);
        for (float[] row : rows) {
            double[] expected = model.decisionValues(row);
            for (int k = 0; k < 3; k++) {
                double score = head.bias()[k];
                for (int j = 0; j < row.length; j++) {
                    score += head.weights()[k][j] * row[j];
                }
                assertThat(score).isCloseTo(expected[k], within(1e-5 * (1 + Math.abs(expected[k]))));
            }
        }
    }
}
