package org.tandem.engine.units;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.Selectivity;
import org.tandem.analysis.units.TuningMap;
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

    /**
     * As the report shows it.
     *
     * @param controlOf the trained network this one is a control of, or null
     */
    public LayerUnits toReport(String controlOf, double alphaExpression, double alphaIdentity) {
        int[] selective = java.util.stream.IntStream.range(0, units)
                .filter(u -> Selectivity.of(anova, u, alphaExpression, alphaIdentity) == Selectivity.EXPRESSION)
                .toArray();
        TuningMap map = selective.length == 0 ? null : TuningMap.of(tuning, selective, expressions, TuningMap.MAX_ROWS);
        return new LayerUnits(network, trainedFor, controlOf, layer, units, counts.get(Selectivity.EXPRESSION),
                counts.get(Selectivity.IDENTITY), counts.get(Selectivity.BOTH), counts.get(Selectivity.NEITHER),
                counts.get(Selectivity.CONSTANT), expressions, preferredBySelective.clone(), null, map, null);
    }

    /** The share of the layer's units of a kind. */
    public double share(Selectivity kind) {
        return units == 0 ? 0 : (double) counts.get(kind) / units;
    }
}
