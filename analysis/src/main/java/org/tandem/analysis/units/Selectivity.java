package org.tandem.analysis.units;

/**
 * Zhou et al.'s rule for what a unit is selective for, from its two-way ANOVA: expression-selective when the expression
 * effect is significant (p ≤ α) and the identity effect is not (p > α); identity-selective by the mirror rule; both
 * effects significant, neither, or a constant unit (no test) otherwise. The paper's α is 0.01 for both effects.
 */
public enum Selectivity {
    EXPRESSION, IDENTITY, BOTH, NEITHER, CONSTANT;

    public static final double PAPER_ALPHA = 0.01;

    public static Selectivity of(UnitAnova.Result anova, int unit, double alphaExpression, double alphaIdentity) {
        if (anova.constant(unit)) {
            return CONSTANT;
        }
        boolean expression = anova.pExpression()[unit] <= alphaExpression;
        boolean identity = anova.pIdentity()[unit] <= alphaIdentity;
        return expression && identity ? BOTH : expression ? EXPRESSION : identity ? IDENTITY : NEITHER;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
