package org.tandem.observer.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.faceapi.Expression;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.TandemException;

/** Label-to-class mapping on the built-in protocols, and the decision rules. */
class LabelClassesAndRulesTest {

    @Test
    void twoAfcLabelsStandForTheirContinuumEndsAndClassificationLabelsForTheirExpressions() {
        LabelClasses twoAfc = LabelClasses.of(BuiltinProtocols.resolve("expression-2afc-happy-sad").read().task());
        assertThat(twoAfc.labels()).containsExactly("happy", "sad");
        assertThat(twoAfc.classes()).containsExactly(Expression.HAPPY, Expression.SAD);

        LabelClasses sixWay = LabelClasses.of(BuiltinProtocols.resolve("expression-6way").read().task());
        assertThat(sixWay.labels()).containsExactly("anger", "disgust", "fear", "happiness", "sadness", "surprise");
        assertThat(sixWay.classes()).containsExactly(Expression.ANGRY, Expression.DISGUSTED, Expression.FEARFUL,
                Expression.HAPPY, Expression.SAD, Expression.SURPRISED).doesNotContain(Expression.NEUTRAL);
    }

    @Test
    void abxLabelsAreNotExpressionClasses() {
        assertThatThrownBy(() -> LabelClasses.of(BuiltinProtocols.resolve("expression-abx").read().task()))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("ABX labels name stimuli (A or B), not expression classes")
                .hasMessageNotContaining("\n");
    }

    @Test
    void argmaxTakesTheLargestLogitAndSamplingIsReproduciblePerSeed() {
        double[] logits = {0.2, 1.5, -0.3};
        assertThat(new DecisionRule.Argmax().choose(logits, 0)).isEqualTo(1);

        assertThat(answers(new DecisionRule.Sample(1.0, 7), logits)).isEqualTo(answers(new DecisionRule.Sample(1.0, 7), logits))
                .isNotEqualTo(answers(new DecisionRule.Sample(1.0, 8), logits)).contains(0, 1, 2);
        // a low temperature approaches argmax
        assertThat(answers(new DecisionRule.Sample(0.01, 7), logits)).containsOnly(1);
        assertThatThrownBy(() -> DecisionRule.parse("vote", 1, 1)).isInstanceOf(TandemException.class);
        assertThatThrownBy(() -> DecisionRule.parse("sample", 0, 1)).isInstanceOf(TandemException.class);
    }

    private static List<Integer> answers(DecisionRule rule, double[] logits) {
        List<Integer> out = new ArrayList<>();
        for (int trial = 0; trial < 200; trial++) {
            out.add(rule.choose(logits, trial));
        }
        return out;
    }
}
