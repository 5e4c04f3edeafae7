package org.tandem.stimuli.synthetic;

import java.awt.Color;
import org.tandem.protocols.plan.SplitMix64;

/**
 * What makes one synthetic person look like themselves, whatever their expression. Proportions are factors around 1.
 *
 * @param hairStyle 0 short, 1 medium with a side parting, 2 long
 */
public record IdentityParameters(
        double faceWidth, double faceLength, double jawWidth, Color skin, Color hair, int hairStyle,
        double eyeSpacing, double eyeSize, Color iris, double noseLength, double noseWidth,
        double mouthWidth, double lipFullness, double browThickness, double foreheadHeight) {

    private static final Color[] SKIN = {
            new Color(241, 206, 180), new Color(226, 184, 150), new Color(205, 158, 120),
            new Color(182, 130, 96), new Color(156, 108, 76)};
    private static final Color[] HAIR = {
            new Color(30, 24, 20), new Color(62, 42, 28), new Color(104, 70, 40), new Color(140, 74, 40),
            new Color(196, 160, 100), new Color(150, 146, 140)};
    private static final Color[] IRIS = {
            new Color(70, 45, 25), new Color(40, 28, 20), new Color(70, 110, 150), new Color(80, 110, 70),
            new Color(120, 90, 50)};

    /** The identity at the centre of every range: the "averaged" face of morph studies. */
    public static IdentityParameters average() {
        return new IdentityParameters(1, 1, 0.86, blend(SKIN[1], SKIN[2], 0.5), HAIR[1], 1, 1, 1, IRIS[0], 1, 1, 1, 1,
                1, 1);
    }

    /** A reproducible identity: the same set seed and number give the same person on every machine. */
    public static IdentityParameters generate(long setSeed, int number) {
        SplitMix64 random = SplitMix64.stream(setSeed, number);
        double skinPosition = uniform(random) * (SKIN.length - 1);
        int low = (int) Math.floor(skinPosition);
        Color skin = blend(SKIN[low], SKIN[Math.min(low + 1, SKIN.length - 1)], skinPosition - low);
        return new IdentityParameters(
                range(random, 0.90, 1.08), range(random, 0.94, 1.06), range(random, 0.78, 0.94), skin,
                HAIR[random.nextInt(HAIR.length)], random.nextInt(3),
                range(random, 0.92, 1.08), range(random, 0.9, 1.1), IRIS[random.nextInt(IRIS.length)],
                range(random, 0.9, 1.12), range(random, 0.85, 1.15),
                range(random, 0.9, 1.1), range(random, 0.8, 1.2), range(random, 0.8, 1.3), range(random, 0.92, 1.08));
    }

    private static double uniform(SplitMix64 random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    private static double range(SplitMix64 random, double low, double high) {
        return low + (high - low) * uniform(random);
    }

    static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
