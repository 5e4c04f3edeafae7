package org.tandem.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.ExpressionPrototypes;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * The benchmark's inputs: distinct face crops of the built-in synthetic faces (identity i shows the i-th expression, in
 * turn), exactly what a simulated session hands a network, so the timed runs include face-api's pad-and-resize.
 */
final class BenchFaceCrops {
    private BenchFaceCrops() {
    }

    static List<Raster> render(int count) {
        SyntheticFaces faces = SyntheticFaces.defaults();
        List<String> identities = SyntheticFaces.identityNames(count);
        List<Raster> crops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String expression = ExpressionPrototypes.NAMES.get(i % ExpressionPrototypes.NAMES.size());
            crops.add(faces.renderFaceCrop(StimulusRef.prototype(SyntheticFaces.SET_NAME, identities.get(i), expression)));
        }
        return crops;
    }
}
