package org.tandem.stimuli.synthetic;

import org.tandem.protocols.plan.SplitMix64;

/**
 * How one person moves their face: a gain on every action unit (some people smile broadly, others hardly raise their
 * brows) and a lean of every unit towards one side of the face. Drawn once per identity, so every image of a person
 * shares it.
 *
 * @param gain      factor on each action unit's intensity, by {@link ActionUnit#ordinal()}
 * @param asymmetry share by which each unit is stronger on the image's left half (negative: on its right)
 */
record ExpressionStyle(double[] gain, double[] asymmetry) {
    static final double GAIN_LOW = 0.92;
    static final double GAIN_HIGH = 1.06;
    static final double ASYMMETRY = 0.06;
    /** Stream salt of the identity styles ("STYLE"), so they are independent of the identities' looks. */
    private static final long SALT = 0x5354594C45L;

    /** The identity at the centre of every range ({@code average}): every gain 1, both sides alike. */
    static ExpressionStyle neutral() {
        int n = ActionUnit.values().length;
        double[] gain = new double[n];
        java.util.Arrays.fill(gain, 1);
        return new ExpressionStyle(gain, new double[n]);
    }

    /** The style of numbered identity {@code number} of set seed {@code setSeed}. */
    static ExpressionStyle generate(long setSeed, int number) {
        Uniform random = new Uniform(SplitMix64.stream(setSeed ^ SALT, number));
        int n = ActionUnit.values().length;
        double[] gain = new double[n];
        double[] asymmetry = new double[n];
        for (int i = 0; i < n; i++) {
            gain[i] = random.range(GAIN_LOW, GAIN_HIGH);
            asymmetry[i] = random.around(ASYMMETRY);
        }
        return new ExpressionStyle(gain, asymmetry);
    }
}
