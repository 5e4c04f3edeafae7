package org.tandem.engine.units;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.units.Selectivity;
import org.tandem.analysis.units.UnitAnova;
import org.tandem.analysis.units.UnitTuning;

/**
 * How many units of one layer of one network are selective for what, by Zhou et al.'s rule.
 *
 * @param network    the network's spec
 * @param trainedFor what it was trained for ({@code untrained} for a twin)
 * @param layer      the layer
 * @param units      units tested (every channel × position, or channel means)
 * @param counts     units per kind
 * @param anova      every unit's test
 * @param tuning     every unit's tuning values and preferred expression
 * @param expressions the expressions, in the order of the tuning values
 * @param preferredBySelective how many expression-selective units prefer each expression
 */
public record LayerSelectivity(String network, String trainedFor, String layer, int units,
                               Map<Selectivity, Integer> counts, UnitAnova.Result anova, UnitTuning.Result tuning,
                               List<String> expressions, int[] preferredBySelective) {

    static LayerSelectivity of(String network, String trainedFor, String layer, UnitAnova.Result anova,
                               UnitTuning.Result tuning, List<String> expressions, double alphaExpression,
                               double alphaIdentity) {
        Map<Selectivity, Integer> counts = new EnumMap<>(Selectivity.class);
        for (Selectivity s : Selectivity.values()) {
            counts.put(s, 0);
        }
        int[] preferred = new int[expressions.size()];
        for (int u = 0; u < anova.units(); u++) {
            Selectivity kind = Selectivity.of(anova, u, alphaExpression, alphaIdentity);
            counts.merge(kind, 1, Integer::sum);
            if (kind == Selectivity.EXPRESSION) {
                preferred[tuning.preferred()[u]]++;
            }
        }
        return new LayerSelectivity(network, trainedFor, layer, anova.units(), counts, anova, tuning,
                List.copyOf(expressions), preferred);
    }

    /** The share of the layer's units of a kind. */
    public double share(Selectivity kind) {
        return units == 0 ? 0 : (double) counts.get(kind) / units;
    }
}
