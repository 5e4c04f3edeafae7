package org.tandem.observer.decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tandem.observer.faceapi.Expression;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/**
 * Which expression-network class each response label stands for: in classification the label's stimulus expression, in
 * two-AFC the expression at the continuum end the label names. Classes no label stands for (e.g. neutral) are dropped.
 *
 * @param labels  the task's labels, in the protocol's order
 * @param classes the network class of each label
 */
public record LabelClasses(List<String> labels, List<Expression> classes) {
    public LabelClasses {
        labels = List.copyOf(labels);
        classes = List.copyOf(classes);
    }

    public static LabelClasses of(Task task) {
        List<String> labels = task.labels().stream().map(Task.ResponseOption::label).toList();
        List<String> names = expressionNames(task);
        List<Expression> classes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            classes.add(expression(names.get(i), labels.get(i)));
        }
        return new LabelClasses(labels, classes);
    }

    /**
     * The expression each label stands for, by name, in the labels' order: in classification the label's stimulus
     * expression, in two-AFC the expression at the continuum end the label names. Each expression at most once.
     */
    public static List<String> expressionNames(Task task) {
        List<String> names = new ArrayList<>();
        for (Task.ResponseOption option : task.labels()) {
            if (task instanceof Task.TwoAfc twoAfc) {
                names.add("from".equals(option.end()) ? twoAfc.continuum().from() : twoAfc.continuum().to());
            } else if (task instanceof Task.Classification) {
                names.add(option.expressionOrLabel());
            } else {
                throw notForAbx();
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new TandemException("labels of the task stand for the expression '" + names.get(i)
                        + "' twice (again at '" + task.labels().get(i).label() + "'); a network observer needs one label"
                        + " per expression");
            }
        }
        return names;
    }

    /** ABX labels name stimuli, not expressions: {@link AbxDistanceObserver} answers those trials by feature distance. */
    private static TandemException notForAbx() {
        return new TandemException("ABX labels name stimuli (A or B), not expression classes; ABX trials are answered"
                + " by comparing features, with an observer spec such as faceapi:recognition?noise=0.1");
    }

    public int size() {
        return labels.size();
    }

    private static Expression expression(String name, String label) {
        return Arrays.stream(Expression.values()).filter(e -> e.label().equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("label '" + label + "' stands for the expression '" + name
                        + "', which the expression network does not know; it knows " + Arrays.stream(Expression.values())
                        .map(Expression::label).collect(Collectors.joining(", "))));
    }
}
