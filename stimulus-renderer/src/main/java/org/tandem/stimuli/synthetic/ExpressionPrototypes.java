package org.tandem.stimuli.synthetic;

import static org.tandem.stimuli.synthetic.ActionUnit.*;

import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;

/**
 * Neutral and the six basic expressions as action-unit combinations, after the EMFACS prototypes
 * (e.g. happiness 6+12, sadness 1+4+15, surprise 1+2+5+26, fear 1+2+4+5+7+20+26, anger 4+5+7+23, disgust 9+10+15+17),
 * tuned so that drawn faces read as the named expression.
 */
public final class ExpressionPrototypes {
    /** Expression names as used in stimulus references and manifests. */
    public static final List<String> NAMES = List.of("neutral", "angry", "disgusted", "fearful", "happy", "sad", "surprised");

    private static final Map<String, ExpressionParameters> PROTOTYPES = Map.of(
            "neutral", ExpressionParameters.NEUTRAL,
            "happy", of(AU6_CHEEK_RAISER, 0.6, AU12_LIP_CORNER_PULLER, 1.0, AU25_LIPS_PART, 1.0),
            "sad", of(AU1_INNER_BROW_RAISER, 1.0, AU4_BROW_LOWERER, 0.55, AU15_LIP_CORNER_DEPRESSOR, 1.0,
                    AU17_CHIN_RAISER, 0.5),
            "surprised", of(AU1_INNER_BROW_RAISER, 1.0, AU2_OUTER_BROW_RAISER, 1.0, AU5_UPPER_LID_RAISER, 1.0,
                    AU25_LIPS_PART, 1.0, AU26_JAW_DROP, 1.0),
            "fearful", of(AU1_INNER_BROW_RAISER, 1.0, AU2_OUTER_BROW_RAISER, 0.5, AU4_BROW_LOWERER, 0.8,
                    AU5_UPPER_LID_RAISER, 1.0, AU7_LID_TIGHTENER, 0.5, AU20_LIP_STRETCHER, 1.0, AU25_LIPS_PART, 1.0,
                    AU26_JAW_DROP, 0.2, AU15_LIP_CORNER_DEPRESSOR, 0.3),
            "angry", of(AU4_BROW_LOWERER, 1.0, AU5_UPPER_LID_RAISER, 0.5, AU7_LID_TIGHTENER, 0.8,
                    AU23_LIP_TIGHTENER, 1.0, AU17_CHIN_RAISER, 0.6, AU15_LIP_CORNER_DEPRESSOR, 0.3),
            "disgusted", of(AU9_NOSE_WRINKLER, 1.0, AU10_UPPER_LIP_RAISER, 1.0, AU4_BROW_LOWERER, 0.35,
                    AU15_LIP_CORNER_DEPRESSOR, 0.5, AU17_CHIN_RAISER, 0.4, AU6_CHEEK_RAISER, 0.4, AU25_LIPS_PART, 0.5));

    private ExpressionPrototypes() {
    }

    public static ExpressionParameters of(String name) {
        ExpressionParameters prototype = PROTOTYPES.get(name);
        if (prototype == null) {
            throw new TandemException("unknown expression '" + name + "'; the synthetic faces show " + NAMES);
        }
        return prototype;
    }

    private static ExpressionParameters of(Object... unitsAndIntensities) {
        ExpressionParameters p = ExpressionParameters.NEUTRAL;
        for (int i = 0; i < unitsAndIntensities.length; i += 2) {
            p = p.with((ActionUnit) unitsAndIntensities[i], (Double) unitsAndIntensities[i + 1]);
        }
        return p;
    }
}
