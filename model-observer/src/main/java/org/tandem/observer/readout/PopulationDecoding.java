package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Zhou et al.'s population decoding: what a layer's units (all of them, or a subset such as the expression-selective
 * units) tell of a label (the expression) on identities the decoder never saw. Leave-one-identity-out: for each identity
 * in turn, the other identities' images are the training rows; they are centred on their own means and reduced by PCA,
 * fitted on them alone, to k components (the paper's 600; at most the training rows − 1 and the units, see
 * {@link GramPca}); the components are standardised on the training rows (as every Tandem readout's features are) and
 * a linear SVM (LIBLINEAR's one-vs-rest L1-loss SVM, C = 1 by default, the bias input regularised, as the {@code svm}
 * readout fits) is trained on them; the held-out identity's images, projected on the same components, are then
 * classified, and the share correct is that fold's accuracy.
 *
 * <p>Reported: each fold's accuracy, their mean, SD (n − 1) and a percentile bootstrap 95 % interval of the mean
 * (folds resampled with replacement), and chance, 1 / classes. {@link #study} adds two baselines: the same decoding with
 * the labels permuted over the whole set, repeated (default {@value #DEFAULT_SHUFFLES} times), its fold accuracies
 * compared with the real ones by a two-sided Mann-Whitney U test (Commons Math: average ranks for ties, normal
 * approximation without tie or continuity correction, which makes p larger, not smaller, where accuracies tie); and the
 * same decoding from as many units drawn uniformly without replacement from all units.
 *
 * <p>The rows are read as they are (floats, images × units); the PCA needs only their Gram matrix, n × n for n images,
 * summed once per unit set, so a 624 × 100,000 layer is never copied. The PCA does not depend on the labels, so each
 * fold's is fitted once and serves the real and the permuted labels. Every random choice (the permutations, the
 * random units, the bootstrap, the SVM's visiting order) comes from the options' seed; folds run in parallel and each
 * writes only its own results, so the result is the same on every run and machine.
 */
public final class PopulationDecoding {
    /** The number of components Zhou et al. keep. */
    public static final int PAPER_COMPONENTS = 600;
    public static final double DEFAULT_C = 1;
    public static final int DEFAULT_SHUFFLES = 10;
    public static final int DEFAULT_BOOTSTRAP = 2000;
    /** Sub-streams of the seed, one a use, so that changing one option leaves the other draws as they were. */
    private static final long SHUFFLE_STREAM = 1;
    private static final long RANDOM_UNITS_STREAM = 2;
    private static final long BOOTSTRAP_STREAM = 3;

    /**
     * @param components k, the most principal components (≥ 1)
     * @param c          the SVM's loss weight C (&gt; 0)
     * @param shuffles   how many label permutations {@link PopulationDecoding#study} decodes (0 for none)
     * @param bootstrap  resamples of the folds for the interval of the mean (≥ 1)
     * @param seed       the seed of every random choice
     */
    public record Options(int components, double c, int shuffles, int bootstrap, long seed) {
        public Options {
            if (components < 1 || !(c > 0) || Double.isInfinite(c) || shuffles < 0 || bootstrap < 1) {
                throw new IllegalArgumentException("decoding needs components ≥ 1, a finite C > 0, shuffles ≥ 0 and"
                        + " bootstrap ≥ 1, got " + components + ", " + c + ", " + shuffles + ", " + bootstrap);
            }
        }

        /**
         * The paper's 600 components and C = 1, with {@value PopulationDecoding#DEFAULT_SHUFFLES} shuffles and
         * {@value PopulationDecoding#DEFAULT_BOOTSTRAP} bootstrap resamples.
         */
        public static Options paper(long seed) {
            return new Options(PAPER_COMPONENTS, DEFAULT_C, DEFAULT_SHUFFLES, DEFAULT_BOOTSTRAP, seed);
        }
    }

    /** One fold: the held-out group and the row indices trained on and tested, ascending. */
    public record Fold(int group, int[] train, int[] test) {
    }

    /**
     * One leave-one-group-out decoding.
     *
     * @param heldOut      each fold's held-out group, ascending
     * @param foldAccuracy each fold's share of held-out images classified correctly
     * @param components   the components each fold's PCA kept
     * @param mean         the mean fold accuracy
     * @param sd           its SD across folds (n − 1)
     * @param ciLow        the 2.5th percentile of the bootstrap means (R's type 7)
     * @param ciHigh       the 97.5th percentile
     * @param chance       1 / classes
     */
    public record Decoding(int[] heldOut, double[] foldAccuracy, int[] components, double mean, double sd, double ciLow,
                           double ciHigh, double chance) {
        public int folds() {
            return foldAccuracy.length;
        }
    }

    /**
     * A decoding with its baselines.
     *
     * @param decoding         the decoding from the chosen units
     * @param shuffled         the decodings with permuted labels, one per permutation
     * @param shuffledP        two-sided Mann-Whitney p of the real fold accuracies against all the permuted decodings'
     *                         fold accuracies together; NaN when there are no permutations
     * @param randomUnits      the decoding from as many units drawn at random from all; null when the chosen units are
     *                         all of them
     * @param randomUnitIndices the units drawn, ascending; empty when there is no such decoding
     * @param randomUnitsP     two-sided Mann-Whitney p of the real fold accuracies against the random units'; NaN when
     *                         there is no such decoding
     */
    public record Study(Decoding decoding, List<Decoding> shuffled, double shuffledP, Decoding randomUnits,
                        int[] randomUnitIndices, double randomUnitsP) {
        /** Every permuted decoding's fold accuracies, permutation by permutation. */
        public double[] shuffledFoldAccuracy() {
            return foldAccuracies(shuffled);
        }
    }

    private PopulationDecoding() {
    }

    /** All units 0 … count − 1, for decoding from a whole layer. */
    public static int[] allUnits(int count) {
        return IntStream.range(0, count).toArray();
    }

    /**
     * The leave-one-group-out decoding from the given units.
     *
     * @param rows    one row per image, every unit's value
     * @param labels  each image's class, 0 … classes − 1
     * @param classes the number of classes (chance is 1 / classes)
     * @param groups  each image's group (the identity), held out together
     * @param units   the units to decode from (distinct indices into the rows)
     */
    public static Decoding decode(float[][] rows, int[] labels, int classes, int[] groups, int[] units,
                                  Options options) {
        check(rows, labels, classes, groups, units);
        List<Fold> folds = folds(groups);
        FoldResults results = decodeFolds(GramPca.gram(rows, units), folds, new int[][] {labels}, classes, units.length,
                options);
        return summary(folds, results.accuracy[0], results.components, classes, options);
    }

    /**
     * The decoding from the given units with both baselines: permuted labels and random units. Its cost is mostly the
     * SVM fits, folds × (1 + shuffles) + folds for the random units, and one eigen-decomposition of a training-rows
     * square matrix per fold and unit set; the rows are read twice per unit set (unit means, then the Gram matrix).
     */
    public static Study study(float[][] rows, int[] labels, int classes, int[] groups, int[] units, Options options) {
        check(rows, labels, classes, groups, units);
        List<Fold> folds = folds(groups);
        int[][] labelSets = new int[1 + options.shuffles()][];
        labelSets[0] = labels;
        SplitMix64 shuffle = SplitMix64.stream(options.seed(), SHUFFLE_STREAM);
        for (int r = 1; r < labelSets.length; r++) {
            labelSets[r] = labels.clone();
            SeededOrder.shuffle(labelSets[r], shuffle);
        }
        FoldResults results = decodeFolds(GramPca.gram(rows, units), folds, labelSets, classes, units.length, options);
        Decoding decoding = summary(folds, results.accuracy[0], results.components, classes, options);
        List<Decoding> shuffled = new ArrayList<>();
        for (int r = 1; r < labelSets.length; r++) {
            shuffled.add(summary(folds, results.accuracy[r], results.components, classes, options));
        }
        double shuffledP = shuffled.isEmpty() ? Double.NaN
                : mannWhitneyP(decoding.foldAccuracy(), foldAccuracies(shuffled));

        int allUnits = rows[0].length;
        if (units.length == allUnits) {
            return new Study(decoding, List.copyOf(shuffled), shuffledP, null, new int[0], Double.NaN);
        }
        int[] random = Arrays.copyOf(SeededOrder.permutation(allUnits,
                SplitMix64.stream(options.seed(), RANDOM_UNITS_STREAM)), units.length);
        Arrays.sort(random);
        FoldResults baseline = decodeFolds(GramPca.gram(rows, random), folds, new int[][] {labels}, classes,
                random.length, options);
        Decoding randomUnits = summary(folds, baseline.accuracy[0], baseline.components, classes, options);
        return new Study(decoding, List.copyOf(shuffled), shuffledP, randomUnits, random,
                mannWhitneyP(decoding.foldAccuracy(), randomUnits.foldAccuracy()));
    }

    /**
     * Leave-one-group-out folds, one per group, ordered by the held-out group: every group is tested once and never
     * trained on in its own fold ({@link GroupKFold} with as many folds as groups, so its seed changes nothing).
     */
    public static List<Fold> folds(int[] groups) {
        List<String> names = Arrays.stream(groups).mapToObj(Integer::toString).toList();
        int distinct = (int) Arrays.stream(groups).distinct().count();
        List<Fold> folds = new ArrayList<>();
        for (GroupKFold.Fold fold : GroupKFold.split(names, Math.max(distinct, 2), 0, "identities")) {
            folds.add(new Fold(groups[fold.test()[0]], fold.train(), fold.test()));
        }
        folds.sort(Comparator.comparingInt(Fold::group));
        return Collections.unmodifiableList(folds);
    }

    /** accuracy[labelSet][fold], and the components each fold kept. */
    private record FoldResults(double[][] accuracy, int[] components) {
    }

    private static FoldResults decodeFolds(double[][] gram, List<Fold> folds, int[][] labelSets, int classes,
                                           int units, Options options) {
        double[][] accuracy = new double[labelSets.length][folds.size()];
        int[] components = new int[folds.size()];
        IntStream.range(0, folds.size()).parallel().forEach(f -> {
            Fold fold = folds.get(f);
            GramPca pca = GramPca.fit(gram, fold.train(), options.components(), units);
            components[f] = pca.components();
            float[][] train = toFloat(pca.trainingScores());
            float[][] test = toFloat(pca.scores(fold.test()));
            List<String> testGroup = Collections.nCopies(test.length, Integer.toString(fold.group()));
            for (int s = 0; s < labelSets.length; s++) {
                LinearModel model = LiblinearFitter.svm(options.seed())
                        .train(train, pick(labelSets[s], fold.train()), classes, options.c());
                accuracy[s][f] = ReadoutTrainer.accuracy(model,
                        new LabelledRows(test, pick(labelSets[s], fold.test()), testGroup, classes));
            }
        });
        return new FoldResults(accuracy, components);
    }

    private static Decoding summary(List<Fold> folds, double[] accuracy, int[] components, int classes,
                                    Options options) {
        int n = accuracy.length;
        double mean = Arrays.stream(accuracy).average().orElseThrow();
        double squares = 0;
        for (double a : accuracy) {
            squares += (a - mean) * (a - mean);
        }
        SplitMix64 random = SplitMix64.stream(options.seed(), BOOTSTRAP_STREAM);
        double[] means = new double[options.bootstrap()];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += accuracy[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(means);
        return new Decoding(folds.stream().mapToInt(Fold::group).toArray(), accuracy.clone(), components.clone(), mean,
                Math.sqrt(squares / (n - 1)), percentile.evaluate(2.5), percentile.evaluate(97.5), 1.0 / classes);
    }

    private static double[] foldAccuracies(List<Decoding> decodings) {
        return decodings.stream().flatMapToDouble(d -> Arrays.stream(d.foldAccuracy())).toArray();
    }

    private static double mannWhitneyP(double[] first, double[] second) {
        return new MannWhitneyUTest().mannWhitneyUTest(first, second);
    }

    private static int[] pick(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    private static float[][] toFloat(double[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[values[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) values[i][j];
            }
        }
        return out;
    }

    private static void check(float[][] rows, int[] labels, int classes, int[] groups, int[] units) {
        if (rows.length == 0 || rows.length != labels.length || rows.length != groups.length) {
            throw new IllegalArgumentException(rows.length + " rows, " + labels.length + " labels and " + groups.length
                    + " groups must match, and there must be some");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("decoding needs at least 2 classes, got " + classes);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " units, row 0 has "
                        + rows[0].length);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("row " + i + " has class " + labels[i] + " outside 0.."
                        + (classes - 1));
            }
        }
        if (units.length == 0) {
            throw new IllegalArgumentException("decoding needs at least one unit");
        }
        boolean[] seen = new boolean[rows[0].length];
        for (int u : units) {
            if (u < 0 || u >= seen.length || seen[u]) {
                throw new IllegalArgumentException("unit " + u + " is outside 0.." + (seen.length - 1)
                        + " or given twice");
            }
            seen[u] = true;
        }
    }
}
