package org.tandem.engine.stimuli;

import java.util.Set;
import org.tandem.protocols.StimulusVocabulary;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * The built-in face sets' vocabulary, answered by the renderer itself: each value is resolved through the same
 * identity and expression look-ups that drawing uses (the face's geometry, no pixels), so the check and the station can
 * never disagree. The other part of each probe is one the set always has (the average face, the neutral expression).
 */
final class SyntheticFaceVocabulary implements StimulusVocabulary {
    static final SyntheticFaceVocabulary INSTANCE = new SyntheticFaceVocabulary();

    private static final String NEUTRAL = "neutral";

    private SyntheticFaceVocabulary() {
    }

    @Override
    public Set<String> builtinSets() {
        return Set.copyOf(BuiltInFaceSets.NAMES);
    }

    @Override
    public String identityProblem(String set, String identity) {
        return problem(StimulusRef.prototype(set, identity, NEUTRAL));
    }

    @Override
    public String expressionProblem(String set, String expression) {
        return problem(StimulusRef.prototype(set, SyntheticFaces.AVERAGE_IDENTITY, expression));
    }

    private String problem(StimulusRef ref) {
        try {
            BuiltInFaceSets.defaults(ref.set()).faceCrop(ref);
            return null;
        } catch (TandemException e) {
            return e.getMessage();
        }
    }

}
