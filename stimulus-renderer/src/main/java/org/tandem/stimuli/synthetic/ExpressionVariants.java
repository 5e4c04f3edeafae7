package org.tandem.stimuli.synthetic;

import static org.tandem.stimuli.synthetic.ActionUnit.*;

import java.util.Map;
import java.util.Optional;

/**
 * The posed expressions that lie close to another one, as in posed photographs: fear is often posed with the brows raised
 * but not drawn together, no lip stretch and the jaw dropped, which is nearly surprise; and surprise sometimes comes with
 * a slight frown and lip stretch, which is nearly fear. They are where people's own commonest confusion (fear with
 * surprise) comes from, and they keep a readout trained on drawn faces from naming every face. A variant is the prototype
 * with some units set to other intensities; a fixed share of single images of these expressions shows it.
 */
final class ExpressionVariants {
    /** Share of single fearful and surprised images that pose the variant close to the other expression. */
    static final double VARIANT_SHARE = 0.4;

    private static final Map<String, Map<ActionUnit, Double>> VARIANTS = Map.of(
            "surprised", Map.of(AU4_BROW_LOWERER, 0.4, AU20_LIP_STRETCHER, 0.4, AU2_OUTER_BROW_RAISER, 0.7),
            "fearful", Map.of(AU20_LIP_STRETCHER, 0.2, AU4_BROW_LOWERER, 0.2, AU2_OUTER_BROW_RAISER, 1.0,
                    AU26_JAW_DROP, 0.8, AU7_LID_TIGHTENER, 0.0, AU15_LIP_CORNER_DEPRESSOR, 0.0));

    private ExpressionVariants() {
    }

    /** The action units one image poses for {@code expression}: its prototype, or for a share of images its variant. */
    static ExpressionParameters draw(String expression, Uniform random) {
        ExpressionParameters prototype = ExpressionPrototypes.of(expression);
        Optional<ExpressionParameters> variant = variantOf(expression);
        return variant.isPresent() && random.next() < VARIANT_SHARE ? variant.get() : prototype;
    }

    /** The variant of {@code expression} close to another expression, if it has one. */
    static Optional<ExpressionParameters> variantOf(String expression) {
        Map<ActionUnit, Double> changes = VARIANTS.get(expression);
        if (changes == null) {
            return Optional.empty();
        }
        ExpressionParameters variant = ExpressionPrototypes.of(expression);
        for (ActionUnit unit : ActionUnit.values()) {
            if (changes.containsKey(unit)) {
                variant = variant.with(unit, changes.get(unit));
            }
        }
        return Optional.of(variant);
    }
}
