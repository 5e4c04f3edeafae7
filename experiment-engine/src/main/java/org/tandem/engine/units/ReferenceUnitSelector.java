package org.tandem.engine.units;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tandem.analysis.units.Selectivity;
import org.tandem.analysis.units.UnitAnova;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.layers.PooledLayers;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.manipulation.LesionFill;
import org.tandem.observer.manipulation.LesionTarget;
import org.tandem.observer.manipulation.LesionUnitsFile;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.manipulation.UnitSelector;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;

/**
 * Resolves lesions on the reference images, the default set of {@code tandem units} (the built-in readout identities
 * with six expressions each, never the identities a protocol tests): selective units by Zhou et al.'s rule at α = 0.01 on
 * every unit (channel × position) of the intact layer, the random control as many units drawn with the lesion's seed,
 * and a unit's mean fill as its mean over those images.
 */
public final class ReferenceUnitSelector implements UnitSelector {
    /** The significance level of both effects when a lesion picks selective units. */
    public static final double ALPHA = 0.01;

    private TrainingImages images;

    @Override
    public UnitLesion select(FeatureNetwork intact, NetworkManipulation.Lesion lesion) {
        if (lesion.target() instanceof LesionTarget.Listed listed && lesion.fill() == LesionFill.ZERO) {
            return LesionUnitsFile.read(listed.file(), lesion.layer());
        }
        UnitSurvey.Design design = UnitSurvey.Design.of(images());
        float[][] rows = PooledLayers.read(intact, List.of(lesion.layer()), design.crops(), LayerPooling.NONE, n -> {
        }).get(lesion.layer());
        int[] units = units(lesion, rows, design);
        if (units.length == 0) {
            throw new TandemException("layer " + lesion.layer() + " of " + intact.id() + " has no "
                    + lesion.target().specValue() + " units on the reference images (α = " + ALPHA + "); there is"
                    + " nothing to lesion, choose another layer");
        }
        float[] fill = new float[units.length];
        if (lesion.fill() == LesionFill.MEAN) {
            for (int i = 0; i < units.length; i++) {
                double sum = 0;
                for (float[] row : rows) {
                    sum += row[units[i]];
                }
                fill[i] = (float) (sum / rows.length);
            }
        }
        return new UnitLesion(lesion.layer(), units, fill);
    }

    private static int[] units(NetworkManipulation.Lesion lesion, float[][] rows, UnitSurvey.Design design) {
        LesionTarget target = lesion.target();
        if (target instanceof LesionTarget.Listed listed) {
            return LesionUnitsFile.read(listed.file(), lesion.layer()).units();
        }
        if (target instanceof LesionTarget.IdentitySelective) {
            return selective(rows, design, Selectivity.IDENTITY);
        }
        int[] expressionSelective = selective(rows, design, Selectivity.EXPRESSION);
        return target instanceof LesionTarget.Random
                ? random(rows[0].length, expressionSelective.length, lesion.seed()) : expressionSelective;
    }

    private synchronized TrainingImages images() {
        if (images == null) {
            images = ReadoutTrainingSets.allImages(new ReadoutSetup(null, ReadoutLabels.EXPRESSION, null));
        }
        return images;
    }

    private static int[] selective(float[][] rows, UnitSurvey.Design design, Selectivity kind) {
        UnitAnova.Result anova = UnitAnova.of(rows, design.identity(), design.expression(), design.identities().size(),
                design.expressions().size());
        return IntStream.range(0, anova.units()).filter(u -> Selectivity.of(anova, u, ALPHA, ALPHA) == kind).toArray();
    }

    /** {@code count} of {@code units} units, uniformly without replacement (a partial Fisher–Yates shuffle), ascending. */
    static int[] random(int units, int count, long seed) {
        int[] order = IntStream.range(0, units).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(units - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(order, count);
        Arrays.sort(chosen);
        return chosen;
    }
}
