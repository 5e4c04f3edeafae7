package org.tandem.engine.units;

import java.util.EnumMap;
import java.util.Map;
import org.tandem.analysis.units.Selectivity;
import org.tandem.analysis.units.UnitAnova;

/**
 * How many units of one layer of one network are selective for what, by Zhou et al.'s rule.
 *
 * @param network    the network's spec
 * @param trainedFor what it was trained for ({@code untrained} for a twin)
 * @param layer      the layer
 * @param units      units tested (every channel × position, or channel means)
 * @param counts     units per kind
 * @param anova      every unit's test
 */
public record LayerSelectivity(String network, String trainedFor, String layer, int units,
                               Map<Selectivity, Integer> counts, UnitAnova.Result anova) {

    static LayerSelectivity of(String network, String trainedFor, String layer, UnitAnova.Result anova,
                               double alphaExpression, double alphaIdentity) {
        Map<Selectivity, Integer> counts = new EnumMap<>(Selectivity.class);
        for (Selectivity s : Selectivity.values()) {
            counts.put(s, 0);
        }
        for (int u = 0; u < anova.units(); u++) {
            counts.merge(Selectivity.of(anova, u, alphaExpression, alphaIdentity), 1, Integer::sum);
        }
        return new LayerSelectivity(network, trainedFor, layer, anova.units(), counts, anova);
    }

    /** The share of the layer's units of a kind. */
    public double share(Selectivity kind) {
        return units == 0 ? 0 : (double) counts.get(kind) / units;
    }
}
