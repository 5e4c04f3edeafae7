package org.tandem.observer.human;

import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionClassifier;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * human-models' emotion network (or its untrained twin) as an expression classifier: its seven probabilities, in the
 * order the human library names them ({@code gear/emotion.ts}: angry, disgust, fear, happy, sad, surprise, neutral), put
 * under face-api's class names. The graph ends in a softmax, so the logits given are the log probabilities, which give
 * the same softmax over any subset of classes.
 */
public final class HumanEmotionNet implements ExpressionClassifier {
    /** The graph's output order, as face-api classes. */
    private static final Expression[] ORDER = {Expression.ANGRY, Expression.DISGUSTED, Expression.FEARFUL,
            Expression.HAPPY, Expression.SAD, Expression.SURPRISED, Expression.NEUTRAL};
    /** Probabilities are floored here before the log, so a class the network rules out keeps a finite logit. */
    private static final double SMALLEST = 1e-30;

    private final HumanNetwork network;
    private final String output;

    private HumanEmotionNet(HumanNetwork network) {
        this.network = network;
        this.output = network.outputs().get(0);
    }

    /** @param spec {@code human:emotion} or its untrained twin */
    public static HumanEmotionNet open(String spec) {
        HumanSpec parsed = HumanSpec.parse(spec);
        if (parsed.model() != HumanModel.EMOTION) {
            throw new TandemException("model '" + spec + "' does not classify expressions; of the human-models networks"
                    + " only human:emotion does; read " + spec + " out with " + spec + (spec.contains("?") ? "&" : "?")
                    + "readout=logistic");
        }
        return new HumanEmotionNet(HumanNetwork.open(spec));
    }

    public String id() {
        return network.id();
    }

    @Override
    public List<ExpressionPrediction> predict(List<Raster> crops) {
        LayerActivations out = network.activations(crops, output);
        List<ExpressionPrediction> predictions = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            predictions.add(prediction(out.item(i)));
        }
        return predictions;
    }

    /** The graph's classes, in its output order, by face-api's labels. */
    static List<String> classes() {
        return java.util.Arrays.stream(ORDER).map(Expression::label).toList();
    }

    /** One face's prediction from the graph's seven probabilities, in the graph's order. */
    public static ExpressionPrediction prediction(float[] p) {
        float[] probabilities = new float[ORDER.length];
        float[] logits = new float[ORDER.length];
        for (int k = 0; k < ORDER.length; k++) {
            probabilities[ORDER[k].ordinal()] = p[k];
            logits[ORDER[k].ordinal()] = (float) Math.log(Math.max(p[k], SMALLEST));
        }
        return new ExpressionPrediction(logits, probabilities);
    }

    @Override
    public void close() {
        network.close();
    }
}
