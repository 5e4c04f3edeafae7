package org.tandem.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * The quality bar of the built-in faces, held by the pretrained face-api expression network (real weights): over 24
 * identities the six prototypes are read correctly (top-1 among the six, neutral left out) at least 80 % of the time and
 * every expression at least 60 %; along sad → happy P(happy) rises monotonically within 0.02.
 */
class SyntheticFacesReadAsTheirExpressionsTest {
    private static final Map<String, Expression> SIX = new LinkedHashMap<>();

    static {
        SIX.put("happy", Expression.HAPPY);
        SIX.put("sad", Expression.SAD);
        SIX.put("angry", Expression.ANGRY);
        SIX.put("fearful", Expression.FEARFUL);
        SIX.put("disgusted", Expression.DISGUSTED);
        SIX.put("surprised", Expression.SURPRISED);
    }

    private final SyntheticFaces faces = SyntheticFaces.defaults();

    @Test
    void theSixPrototypesReadAsTheirExpressionAndTheMorphRisesMonotonically() {
        List<String> intended = new ArrayList<>();
        List<Raster> crops = new ArrayList<>();
        for (String identity : SyntheticFaces.identityNames(24)) {
            for (String expression : SIX.keySet()) {
                intended.add(expression);
                crops.add(faces.renderFaceCrop(StimulusRef.prototype(SyntheticFaces.SET_NAME, identity, expression)));
            }
        }
        List<Raster> morph = new ArrayList<>();
        for (int level = 0; level <= 100; level += 5) {
            morph.add(faces.renderFaceCrop(StimulusRef.morph(SyntheticFaces.SET_NAME, SyntheticFaces.AVERAGE_IDENTITY,
                    "sad-happy", Integer.toString(level))));
        }
        List<ExpressionPrediction> prototypes;
        List<ExpressionPrediction> continuum;
        try (NDManager base = DjlEngine.newBaseManager();
             FaceExpressionNet net = new FaceExpressionNet(base, ModelSpec.parse("faceapi:expression").weights(ModelStore.faceApi()))) {
            prototypes = net.predict(crops);
            continuum = net.predict(morph);
        }

        Map<String, Integer> correct = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < intended.size(); i++) {
            if (topAmongSix(prototypes.get(i)) == SIX.get(intended.get(i))) {
                correct.merge(intended.get(i), 1, Integer::sum);
                total++;
            }
        }
        assertThat(total).as("correct of 144, per expression %s", correct).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * 144));
        for (String expression : SIX.keySet()) {
            assertThat(correct.getOrDefault(expression, 0)).as(expression + " of 24").isGreaterThanOrEqualTo(15);
        }

        double previous = 0;
        for (int i = 0; i < continuum.size(); i++) {
            double happy = continuum.get(i).probability(Expression.HAPPY);
            assertThat(happy).as("P(happy) at %d %%", i * 5).isGreaterThanOrEqualTo(previous - 0.02);
            previous = Math.max(previous, happy);
        }
        assertThat(continuum.get(0).probability(Expression.HAPPY)).isLessThan(0.05f);
        assertThat(continuum.get(continuum.size() - 1).probability(Expression.HAPPY)).isGreaterThan(0.95f);
    }

    /** The most probable of the six basic expressions, neutral left out. */
    private static Expression topAmongSix(ExpressionPrediction prediction) {
        Expression best = null;
        for (Expression candidate : SIX.values()) {
            if (best == null || prediction.probability(candidate) > prediction.probability(best)) {
                best = candidate;
            }
        }
        return best;
    }
}
