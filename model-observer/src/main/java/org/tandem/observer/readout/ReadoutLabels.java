package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.tandem.observer.decision.LabelClasses;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/**
 * What a readout learns to tell apart: the expression a training image shows, or the identity (the person) it shows. The
 * task's labels must each stand for one of the training set's classes.
 */
public enum ReadoutLabels {
    EXPRESSION, IDENTITY;

    /** The name used in observer specs: {@code expression} or {@code identity}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReadoutLabels parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("labels '" + name + "' is not known; use expression or identity"));
    }

    /** The class of a training image, or null when it has none of this kind (a morph between two expressions). */
    public String classOf(TrainingImage image) {
        return this == EXPRESSION ? image.expression() : image.stimulus().identity();
    }

    /**
     * The class each of the task's labels stands for, in the labels' order: for expressions as the expression network
     * reads them ({@link LabelClasses#expressionNames}); for identities, a classification label's stimulus level (its
     * {@code expression} field, or the label itself) names the identity.
     */
    public List<String> classesOf(Task task) {
        if (this == EXPRESSION) {
            return LabelClasses.expressionNames(task);
        }
        if (!(task instanceof Task.Classification)) {
            throw new TandemException("an identity readout (labels=identity) answers classification tasks whose labels"
                    + " name identities; the labels of a " + (task instanceof Task.TwoAfc ? "two-afc task are the"
                    + " continuum's expressions" : "ABX task name stimuli") + ", so use labels=expression");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Task.ResponseOption option : task.labels()) {
            String identity = option.expressionOrLabel();
            if (!seen.add(identity)) {
                throw new TandemException("labels of the task stand for the identity '" + identity + "' twice (again at '"
                        + option.label() + "'); an identity readout needs one label per identity");
            }
            names.add(identity);
        }
        return names;
    }

    /** The classes of the training images, sorted, for messages. */
    public String classesIn(TrainingImages training) {
        return training.images().stream().map(this::classOf).filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining(", "));
    }
}
