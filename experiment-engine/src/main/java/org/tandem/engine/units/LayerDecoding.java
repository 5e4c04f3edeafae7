package org.tandem.engine.units;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.observer.readout.PopulationDecoding;

/**
 * Zhou et al.'s decoding of expression from one layer, for the report: from the expression-selective units (with the
 * random-units and shuffled-labels baselines), and from all units.
 */
final class LayerDecoding {
    /** Fewer selective units than this give no decoding of their own (PCA and an SVM need a few features). */
    static final int MIN_UNITS = 2;

    private LayerDecoding() {
    }

    static LayerUnits.Decoding of(float[][] rows, UnitSurvey.Design design, int[] selective,
                                  PopulationDecoding.Options options) {
        int classes = design.expressions().size();
        int[] expression = design.expression();
        int[] identity = design.identity();
        int[] all = PopulationDecoding.allUnits(rows[0].length);
        if (selective.length < MIN_UNITS) {
            PopulationDecoding.Study fromAll = PopulationDecoding.study(rows, expression, classes, identity, all, options);
            return new LayerUnits.Decoding(options.components(), 1.0 / classes, null, accuracy(fromAll.decoding(), all.length),
                    null, shuffled(fromAll, all.length), fromAll.shuffledP(), "the layer has " + selective.length
                    + " expression-selective unit(s), too few to decode from; the shuffled baseline uses all units");
        }
        PopulationDecoding.Study study = PopulationDecoding.study(rows, expression, classes, identity, selective,
                options);
        PopulationDecoding.Decoding fromAll = PopulationDecoding.decode(rows, expression, classes, identity, all, options);
        return new LayerUnits.Decoding(options.components(), 1.0 / classes, accuracy(study.decoding(), selective.length),
                accuracy(fromAll, all.length), study.randomUnits() == null ? null
                : accuracy(study.randomUnits(), selective.length), shuffled(study, selective.length), study.shuffledP(), null);
    }

    private static LayerUnits.Accuracy accuracy(PopulationDecoding.Decoding d, int units) {
        return new LayerUnits.Accuracy(units, d.folds(), d.mean(), d.sd(), d.ciLow(), d.ciHigh());
    }

    /** Every shuffled decoding's folds pooled: their mean, SD and 2.5th and 97.5th percentiles (R's type 7). */
    private static LayerUnits.Accuracy shuffled(PopulationDecoding.Study study, int units) {
        double[] folds = study.shuffledFoldAccuracy();
        if (folds.length == 0) {
            return null;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(folds);
        return new LayerUnits.Accuracy(units, folds.length, new Mean().evaluate(folds),
                new StandardDeviation().evaluate(folds), percentile.evaluate(2.5), percentile.evaluate(97.5));
    }
}
