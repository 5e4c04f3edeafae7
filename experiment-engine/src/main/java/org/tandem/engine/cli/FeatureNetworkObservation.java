package org.tandem.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.usermodel.Prediction;
import org.tandem.observer.usermodel.UserModel;
import org.tandem.observer.usermodel.UserModels;
import org.tandem.observer.zoo.ZooModels;
import org.tandem.protocols.observer.Raster;

/**
 * What {@code observe} prints for a user model ({@code card:}) or an architecture control ({@code zoo:}), or for any
 * network when a layer is named: a labelled model's probabilities by label, otherwise one layer's values (the default
 * layer unless one is named).
 */
final class FeatureNetworkObservation {
    private FeatureNetworkObservation() {
    }

    static boolean handles(String spec) {
        return spec.startsWith(UserModels.PREFIX) || spec.startsWith(ZooModels.PREFIX);
    }

    static List<Map<String, Object>> run(String spec, String layer, List<Raster> images) {
        if (spec.startsWith(UserModels.PREFIX)) {
            try (UserModel model = UserModels.openModel(spec)) {
                return layer == null && !model.card().labels().isEmpty() ? predictions(model.predict(images))
                        : layer(model, layer, images);
            }
        }
        try (FeatureNetwork network = FeatureNetworks.open(spec, new ReferenceUnitSelector())) {
            return layer(network, layer, images);
        }
    }

    private static List<Map<String, Object>> predictions(List<Prediction> predictions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Prediction p : predictions) {
            Map<String, Object> probabilities = new LinkedHashMap<>();
            Map<String, Object> scores = new LinkedHashMap<>();
            for (int i = 0; i < p.labels().size(); i++) {
                probabilities.put(p.labels().get(i), p.probabilities()[i]);
                scores.put(p.labels().get(i), p.scores()[i]);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("top", p.top());
            r.put("probabilities", probabilities);
            r.put("scores", scores);
            out.add(r);
        }
        return out;
    }

    private static List<Map<String, Object>> layer(FeatureNetwork network, String layer, List<Raster> images) {
        String name = layer == null ? network.defaultLayer() : layer;
        LayerActivations activations = network.activations(images, name);
        List<Map<String, Object>> out = new ArrayList<>();
        for (float[] row : activations.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("layer", name);
            r.put("shape", activations.itemShape());
            r.put("values", row);
            out.add(r);
        }
        return out;
    }
}
