package org.tandem.engine.units;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.units.IdentityUnits;
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
 * @param identity    every unit's one-way test over identities (Wang et al.)
 * @param decoding    expression decoded from the layer's units, or null when not asked for
 */
public record LayerSelectivity(String network, String trainedFor, String layer, int units,
                               Map<Selectivity, Integer> counts, UnitAnova.Result anova, UnitTuning.Result tuning,
                               List<String> expressions, int[] preferredBySelective, IdentityUnits.Result identity,
                               LayerUnits.Decoding decoding) {

    static LayerSelectivity of(String network, String trainedFor, String layer, UnitAnova.Result anova,
                               UnitTuning.Result tuning, List<String> expressions, double alphaExpression,
                               double alphaIdentity, IdentityUnits.Result identity, LayerUnits.Decoding decoding) {
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
                List.copyOf(expressions), preferred, identity, decoding);
    }

    /**
     * As the report shows it.
     *
     * @param controlOf the trained network this one is a control of, or null
     */
    public LayerUnits toReport(String controlOf, double alphaExpression, double alphaIdentity) {
        int[] selective = expressionSelective(alphaExpression, alphaIdentity);
        TuningMap map = selective.length == 0 ? null : TuningMap.of(tuning, selective, expressions, TuningMap.MAX_ROWS);
        return new LayerUnits(network, trainedFor, controlOf, layer, units, counts.get(Selectivity.EXPRESSION),
                counts.get(Selectivity.IDENTITY), counts.get(Selectivity.BOTH), counts.get(Selectivity.NEITHER),
                counts.get(Selectivity.CONSTANT), expressions, preferredBySelective.clone(),
                new LayerUnits.IdentityCounts(identity.selectiveCount(), identity.count(IdentityUnits.Kind.SINGLE_IDENTITY),
                        identity.count(IdentityUnits.Kind.MULTIPLE_IDENTITY), identity.sdThreshold()), map, decoding);
    }

    /** The expression-selective units, ascending. */
    int[] expressionSelective(double alphaExpression, double alphaIdentity) {
        return expressionSelective(anova, alphaExpression, alphaIdentity);
    }

    static int[] expressionSelective(UnitAnova.Result anova, double alphaExpression, double alphaIdentity) {
        return java.util.stream.IntStream.range(0, anova.units())
                .filter(u -> Selectivity.of(anova, u, alphaExpression, alphaIdentity) == Selectivity.EXPRESSION)
                .toArray();
    }

    /** The share of the layer's units of a kind. */
    public double share(Selectivity kind) {
        return units == 0 ? 0 : (double) counts.get(kind) / units;
    }
}
