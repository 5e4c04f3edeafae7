package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;

/** The linear readouts on problems whose answers can be checked by hand. */
class LinearClassifiersTest {

    /** Three well-separated clusters in 2-D: class k near (3cos(2πk/3), 3sin(2πk/3)), with seeded jitter. */
    private static float[][] clusters(int perClass, int[] labelsOut) {
        SplitMix64 random = new SplitMix64(11);
        float[][] rows = new float[3 * perClass][];
        for (int i = 0; i < rows.length; i++) {
            int k = i % 3;
            labelsOut[i] = k;
            double angle = 2 * Math.PI * k / 3;
            rows[i] = new float[] {(float) (3 * Math.cos(angle) + jitter(random)), (float) (3 * Math.sin(angle) + jitter(random)),
                    (float) jitter(random)};
        }
        return rows;
    }

    private static double jitter(SplitMix64 random) {
        return ((random.nextLong() >>> 11) * 0x1.0p-53 - 0.5) * 1.0;
    }

    @Test
    void logisticRegressionOnTwoPointsMeetsItsOptimalityConditionExactly() {
        // z = ±1 after standardisation; by symmetry the bias is 0 and the optimum weight difference d solves d = 4C·σ(−d)
        float[][] rows = {{-5}, {7}};
        int[] labels = {0, 1};
        for (double c : new double[] {0.1, 1, 10}) {
            LinearModel model = train(ClassifierKind.LOGISTIC, rows, labels, 2, c, 0);
            double[] v = model.decisionValues(rows[1]);
            double d = v[1] - v[0];
            assertThat(d).as("C=%s", c).isCloseTo(4 * c / (1 + Math.exp(d)), within(1e-6));
            assertThat(model.probabilities(rows[1])[1]).isCloseTo(1 / (1 + Math.exp(-d)), within(1e-12));
            assertThat(model.probabilities(rows[0])[0]).isCloseTo(1 / (1 + Math.exp(-d)), within(1e-6));
        }
        // C = 1: the fixed point of d = 4σ(−d) is 1.0426…
        double[] v = train(ClassifierKind.LOGISTIC, rows, labels, 2, 1, 0).decisionValues(rows[1]);
        assertThat(v[1] - v[0]).isCloseTo(1.0426, within(1e-3));
    }

    @Test
    void bothReadoutsSeparateThreeClassesAndGiveProbabilitiesSummingToOne() {
        int[] labels = new int[60];
        float[][] rows = clusters(20, labels);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            LinearModel model = train(kind, rows, labels, 3, 1, 5);
            for (int i = 0; i < rows.length; i++) {
                assertThat(model.predict(rows[i])).as("%s row %d", kind, i).isEqualTo(labels[i]);
                double[] p = model.probabilities(rows[i]);
                assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
                assertThat(Arrays.stream(p).boxed()).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
                assertThat(p[labels[i]]).isEqualTo(Arrays.stream(p).max().getAsDouble());
            }
        }
    }

    @Test
    void theLogisticGradientVanishesAtTheFitAndMatchesFiniteDifferences() {
        int[] labels = new int[30];
        float[][] rows = clusters(10, labels);
        Standardisation s = Standardisation.fit(rows);
        double[][] z = s.withBias(rows);
        double[][] w = SoftmaxRegression.defaults().fit(z, labels, 3, 0.5);
        double[] flat = Arrays.stream(w).flatMapToDouble(Arrays::stream).toArray();
        double[] gradient = new double[flat.length];
        SoftmaxRegression.objective(z, labels, 3, 0.5, flat, gradient);
        assertThat(LinearAlgebra.maxAbs(gradient)).isLessThan(1e-6);

        double[] point = new double[flat.length];
        Arrays.fill(point, 0.3);
        point[2] = -0.7;
        SoftmaxRegression.objective(z, labels, 3, 0.5, point, gradient);
        for (int i = 0; i < point.length; i++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double numeric = (SoftmaxRegression.objective(z, labels, 3, 0.5, up, new double[point.length])
                    - SoftmaxRegression.objective(z, labels, 3, 0.5, down, new double[point.length])) / 2e-6;
            assertThat(gradient[i]).as("∂f/∂w%d", i).isCloseTo(numeric, within(1e-5));
        }
    }

    @Test
    void lbfgsFindsTheMinimumOfTheRosenbrockValley() {
        Lbfgs.Result result = new Lbfgs(1e-8, 1000).minimise((x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, new double[] {-1.2, 1});
        assertThat(result.converged()).isTrue();
        assertThat(result.x()[0]).isCloseTo(1, within(1e-6));
        assertThat(result.x()[1]).isCloseTo(1, within(1e-6));
    }

    @Test
    void oneVersusRestLogisticRegressionOnTwoPointsMeetsItsOptimalityCondition() {
        // z = ±1 after standardisation; LIBLINEAR fits one machine for two classes, by symmetry with bias 0 and weight
        // v solving v = 2C·σ(−v); class 1's decision value at the class-1 row is v, class 0's is −v
        float[][] rows = {{-5}, {7}};
        int[] labels = {0, 1};
        for (double c : new double[] {0.1, 1, 10}) {
            LinearModel model = train(ClassifierKind.LOGISTIC_OVR, rows, labels, 2, c, 0);
            double[] v = model.decisionValues(rows[1]);
            assertThat(v[1]).as("C=%s", c).isCloseTo(2 * c / (1 + Math.exp(v[1])), within(1e-4));
            assertThat(v[0]).isCloseTo(-v[1], within(1e-12));
            assertThat(model.decisionValues(rows[0])[0]).isCloseTo(v[1], within(1e-4));
        }
    }

    @Test
    void eachOneVersusRestLogisticMachineIsAtItsOptimum() {
        // per class k: ∇ = w + C·Σᵢ (σ(w·zᵢ) − [yᵢ = k]) zᵢ, small against its size at w = 0
        int[] labels = new int[30];
        float[][] rows = clusters(10, labels);
        double c = 0.5;
        LinearModel model = train(ClassifierKind.LOGISTIC_OVR, rows, labels, 3, c, 0);
        double[][] z = model.standardisation().withBias(rows);
        for (int k = 0; k < 3; k++) {
            double[] w = model.weights()[k];
            double[] gradient = w.clone();
            double[] atZero = new double[w.length];
            for (int i = 0; i < z.length; i++) {
                double target = labels[i] == k ? 1 : 0;
                double residual = 1 / (1 + Math.exp(-LinearAlgebra.dot(w, z[i]))) - target;
                for (int j = 0; j < w.length; j++) {
                    gradient[j] += c * residual * z[i][j];
                    atZero[j] += c * (0.5 - target) * z[i][j];
                }
            }
            assertThat(LinearAlgebra.maxAbs(gradient)).as("class %d", k).isLessThan(1e-3 * LinearAlgebra.maxAbs(atZero));
        }
    }

    @Test
    void aClassMissingFromTheTrainingRowsIsNeverTheAnswer() {
        int[] labels = new int[30];
        float[][] rows = clusters(10, labels);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            LinearModel model = train(kind, rows, labels, 4, 1, 2);
            for (float[] row : rows) {
                assertThat(model.predict(row)).as("%s", kind).isNotEqualTo(3);
            }
        }
    }

    @Test
    void strongerRegularisationShrinksTheWeightsTowardsUniformProbabilities() {
        int[] labels = new int[30];
        float[][] rows = clusters(10, labels);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            double previous = Double.POSITIVE_INFINITY;
            for (double c : new double[] {100, 10, 1, 0.1, 0.01, 0.001}) {
                LinearModel model = train(kind, rows, labels, 3, c, 5);
                double norm = Arrays.stream(model.weights()).flatMapToDouble(Arrays::stream).map(x -> x * x).sum();
                assertThat(norm).as("%s ‖W‖² at C=%s", kind, c).isLessThanOrEqualTo(previous * (1 + 1e-6));
                previous = norm;
            }
            double[] p = train(kind, rows, labels, 3, 1e-6, 5).probabilities(rows[0]);
            assertThat(Arrays.stream(p).boxed()).allSatisfy(x -> assertThat(x).isCloseTo(1.0 / 3, within(1e-4)));
        }
    }

    @Test
    void theSvmPutsSupportVectorsOnTheMarginAndScalesLinearlyBeyond() {
        // 1-D, classes at −2, −1 and +1, +2: the hard-margin solution has decision value ±1 at ±1 and ±2 at ±2
        float[][] rows = {{-2, 0}, {-1, 0}, {1, 0}, {2, 0}};
        int[] labels = {0, 0, 1, 1};
        LinearModel model = train(ClassifierKind.SVM, rows, labels, 2, 1e4, 3);
        float[] probes = {-2, -1, 1, 2, 0.5f};
        for (float x : probes) {
            double[] v = model.decisionValues(new float[] {x, 0});
            assertThat(v[1]).as("class-1 margin at %s", x).isCloseTo(x, within(1e-3));
            assertThat(v[0]).as("class-0 margin at %s", x).isCloseTo(-x, within(1e-3));
        }
        // the weight of the constant feature is 0 and its scale stays 1, so it cannot become NaN
        assertThat(model.weights()[1][1]).isZero();
        assertThat(model.standardisation().scale()[1]).isEqualTo(1);
    }

    @Test
    void fitsAreTheSameForTheSameSeed() {
        int[] labels = new int[60];
        float[][] rows = clusters(20, labels);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            assertThat(train(kind, rows, labels, 3, 0.1, 9).weights()).isDeepEqualTo(train(kind, rows, labels, 3, 0.1, 9).weights());
        }
    }

    @Test
    void unknownReadoutIsOneLine() {
        assertThat(ClassifierKind.parse("svm")).isEqualTo(ClassifierKind.SVM);
        assertThatThrownBy(() -> ClassifierKind.parse("knn")).isInstanceOf(TandemException.class)
                .hasMessage("readout 'knn' is not known; use logistic, logistic-ovr, svm, rbf-svm");
    }

    /** A linear readout fitted at C. */
    static LinearModel train(ClassifierKind kind, float[][] rows, int[] labels, int classes, double c, long seed) {
        return (LinearModel) kind.train(rows, labels, classes, Hyperparameters.linear(c), seed);
    }
}
