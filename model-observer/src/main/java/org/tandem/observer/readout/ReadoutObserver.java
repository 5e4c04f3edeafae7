package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.observer.decision.BlockStimuli;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.SingleImageTaskObserver;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * A network without the task's labels answering classification and two-AFC trials through a readout of one of its layers,
 * as in the papers (e.g. an identity network's descriptor read out for expression). At construction the layer's features
 * of the training images whose class (their expression, or with {@link ReadoutLabels#IDENTITY} their identity) one of the
 * task's labels stands for are computed, and a classifier is cross-validated ({@link ReadoutTrainer}, folds by identity or
 * by image) and fitted. Each trial's stimulus is then read out: the decision values are the task logits, the {@link
 * DecisionRule} picks the answer, and the stored output holds the decision values as {@code readout:LABEL}, the task
 * probabilities as {@code task:LABEL} (softmax of the decision values), the cross-validated accuracy as {@code
 * readout-cv-accuracy}, the chosen C as {@code readout-c} and, for the RBF SVM, the chosen kernel width as {@code
 * readout-gamma}.
 *
 * <p>An expression readout must not be shown identities it was trained on, and an identity readout not its training
 * images themselves; such a trial is refused with one line. Features are computed once per stimulus (batched per block)
 * and reused. Closing the observer closes the network.
 */
public final class ReadoutObserver extends SingleImageTaskObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ReadoutObserver.class);
    public static final String READOUT_PREFIX = "readout:";
    public static final String CV_ACCURACY = "readout-cv-accuracy";
    public static final String CHOSEN_C = "readout-c";
    public static final String CHOSEN_GAMMA = "readout-gamma";
    /** Crops per forward pass, so memory stays bounded whatever the training set's size. */
    private static final int BATCH = 32;

    private final FeatureNetwork network;
    private final String layer;
    private final ReadoutFit fit;
    private final ReadoutLabels classKind;
    private final Set<String> trainedIdentities;
    private final Set<String> trainedImages;
    private final Map<String, double[]> decisions = new HashMap<>();

    private ReadoutObserver(String id, List<String> labels, FeatureNetwork network, String layer, CropSource crops,
                            DecisionRule rule, ReadoutFit fit, ReadoutLabels classKind, List<TrainingImage> trained) {
        super(id, labels, crops, rule);
        this.network = network;
        this.layer = layer;
        this.fit = fit;
        this.classKind = classKind;
        this.trainedIdentities = trained.stream().map(TrainingImage::identity).collect(Collectors.toCollection(TreeSet::new));
        this.trainedImages = trained.stream().map(i -> i.stimulus().id()).collect(Collectors.toSet());
    }

    /**
     * Trains the readout and returns the observer; the observer owns the network from here on.
     *
     * @param task     a classification or two-AFC task (ABX is refused)
     * @param network  the network whose layer is read
     * @param layer    the layer, or {@code null} for the network's default layer
     * @param options  classifier, C grid, labels, folds and seed
     * @param training labelled images; those of classes no label stands for are left out
     * @param crops    the face crop of each trial stimulus
     * @param rule     how the answer is picked from the decision values
     */
    public static ReadoutObserver train(Task task, FeatureNetwork network, String layer, ReadoutOptions options,
                                        TrainingImages training, CropSource crops, DecisionRule rule) {
        return train(null, task, network, layer, options, training, crops, rule, TrainingProgress.NONE);
    }

    /**
     * As {@link #train(Task, FeatureNetwork, String, ReadoutOptions, TrainingImages, CropSource, DecisionRule)}, under the
     * given observer id (null: {@code NETWORK@LAYER+CLASSIFIER}), reporting the training images done after each batch.
     */
    public static ReadoutObserver train(String id, Task task, FeatureNetwork network, String layer, ReadoutOptions options,
                                        TrainingImages training, CropSource crops, DecisionRule rule,
                                        TrainingProgress progress) {
        List<String> classes = options.labels().classesOf(task);
        String readLayer = layer == null ? network.defaultLayer() : layer;
        List<TrainingImage> used = usedImages(classes, options.labels(), training);
        float[][] features = features(network, readLayer, used.stream().map(TrainingImage::crop).toList(), progress);
        int[] rowClasses = used.stream().mapToInt(i -> classes.indexOf(options.labels().classOf(i))).toArray();
        LabelledRows rows = new LabelledRows(features, rowClasses,
                used.stream().map(options.cv().by()::groupOf).toList(), classes.size());
        ReadoutFit fit = ReadoutTrainer.train(rows, options);
        String observerId = id != null ? id : network.id() + "@" + readLayer + "+" + options.kind().label();
        LOG.info("{} trained on {} ({} images, {} classes of {}): CV accuracy {} ({}) at {}", observerId, training.name(),
                rows.size(), classes.size(), options.labels().label(), fit.cvAccuracy(), fit.folds(), fit.chosen());
        List<String> labels = task.labels().stream().map(Task.ResponseOption::label).toList();
        return new ReadoutObserver(observerId, labels, network, readLayer, crops, rule, fit, options.labels(), used);
    }

    /** The training images of the task's classes; every class must have some. */
    private static List<TrainingImage> usedImages(List<String> classes, ReadoutLabels kind, TrainingImages training) {
        List<TrainingImage> used = training.images().stream().filter(i -> classes.contains(kind.classOf(i))).toList();
        List<String> missing = classes.stream().filter(c -> used.stream().noneMatch(i -> c.equals(kind.classOf(i))))
                .toList();
        if (!missing.isEmpty()) {
            throw new TandemException("readout training set '" + training.name() + "' has no images of " + kind.label()
                    + " " + missing.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ", which the"
                    + " task's labels stand for; it holds " + kind.classesIn(training)
                    + (kind == ReadoutLabels.EXPRESSION ? "" : "; train on a set showing the task's identities"));
        }
        return used;
    }

    private static float[][] features(FeatureNetwork network, String layer, List<Raster> crops,
                                      TrainingProgress progress) {
        float[][] rows = new float[crops.size()][];
        for (int start = 0; start < crops.size(); start += BATCH) {
            List<Raster> batch = crops.subList(start, Math.min(crops.size(), start + BATCH));
            float[][] out = network.activations(batch, layer).rows();
            System.arraycopy(out, 0, rows, start, out.length);
            progress.imagesDone(start + out.length, crops.size());
        }
        return rows;
    }

    public String layer() {
        return layer;
    }

    /** The trained readout with its cross-validation record. */
    public ReadoutFit fit() {
        return fit;
    }

    @Override
    public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
        BlockStimuli todo = BlockStimuli.unseen(blockTrials, decisions::containsKey);
        todo.stimuli().forEach(this::requireUnseen);
        float[][] rows = features(network, layer, todo.crops(images, crops), TrainingProgress.NONE);
        for (int i = 0; i < rows.length; i++) {
            decisions.put(todo.stimuli().get(i).id(), fit.model().decisionValues(rows[i]));
        }
    }

    @Override
    protected double[] taskLogits(StimulusRef stimulus, Raster shown) {
        requireUnseen(stimulus);
        return decisions.computeIfAbsent(stimulus.id(), key -> fit.model().decisionValues(
                features(network, layer, List.of(crops.crop(stimulus, shown)), TrainingProgress.NONE)[0]));
    }

    private StimulusRef requireUnseen(StimulusRef ref) {
        if (classKind == ReadoutLabels.EXPRESSION && trainedIdentities.contains(TrainingImage.identityOf(ref))) {
            throw new TandemException("stimulus " + ref.id() + " shows identity '" + TrainingImage.identityOf(ref)
                    + "', which the readout " + id + " was trained on; test it on other identities");
        }
        if (classKind == ReadoutLabels.IDENTITY && trainedImages.contains(ref.id())) {
            throw new TandemException("stimulus " + ref.id() + " is one of the images the readout " + id
                    + " was trained on; test it on other images of those identities");
        }
        return ref;
    }

    @Override
    protected ModelOutput output(StimulusRef stimulus, double[] taskLogits) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < taskLogits.length; i++) {
            names.add(READOUT_PREFIX + labels.get(i));
            values.add(taskLogits[i]);
        }
        addTaskProbabilities(taskLogits, names, values);
        names.add(CV_ACCURACY);
        values.add(fit.cvAccuracy());
        names.add(CHOSEN_C);
        values.add(fit.c());
        if (fit.chosen().hasGamma()) {
            names.add(CHOSEN_GAMMA);
            values.add(fit.chosen().gamma());
        }
        return new ModelOutput(names, values);
    }

    @Override
    public void close() {
        network.close();
    }
}
