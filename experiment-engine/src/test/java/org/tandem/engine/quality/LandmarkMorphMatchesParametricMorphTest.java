package org.tandem.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.tandem.engine.stimuli.PhotoLandmarks;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.morph.LandmarkMorph;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.synthetic.VariedFaces;

/**
 * The landmark morph against known truth: the built-in faces' parametric sad → happy continuum (what {@code tandem
 * stimuli continuum} draws) is the right answer for every level between its two prototypes. The landmark morph of the two
 * prototypes (landmarks found by face-api's detector and 68-point network, real weights) is compared with the parametric
 * level of the same percentage: pixel correlation inside the face box, and face-api's expression network's P(happy).
 */
class LandmarkMorphMatchesParametricMorphTest {
    private static final int LEVELS = 21;
    /** Drawn faces score lower than photographs with the detector (see StimuliDetectCommandTest). */
    private static final double MIN_SCORE = 0.3;

    @Test
    void theLandmarkMorphOfTwoPrototypesFollowsTheParametricContinuum() {
        FaceSet faces = BuiltInFaceSets.defaults(VariedFaces.SET_NAME);
        List<StimulusRef> refs = new ArrayList<>();
        List<Raster> parametric = new ArrayList<>();
        for (int i = 0; i < LEVELS; i++) {
            StimulusRef ref = StimulusRef.morph(faces.name(), "average", "sad-happy", Integer.toString(5 * i));
            refs.add(ref);
            parametric.add(faces.render(ref));
        }
        Raster sad = parametric.get(0);
        Raster happy = parametric.get(LEVELS - 1);
        List<Raster> landmark;
        try (PhotoLandmarks finder = new PhotoLandmarks(416, MIN_SCORE)) {
            landmark = new LandmarkMorph(sad, finder.of(sad, "sad").landmarks(), happy,
                    finder.of(happy, "happy").landmarks()).levels(LEVELS);
        }

        List<Raster> parametricCrops = new ArrayList<>();
        List<Raster> landmarkCrops = new ArrayList<>();
        double[] correlation = new double[LEVELS];
        double[] dissolveCorrelation = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            // the same box for both: the parametric face's, where the level's face is known to be
            var box = faces.faceCrop(refs.get(i));
            parametricCrops.add(FaceBoxCrop.cut(parametric.get(i), box));
            landmarkCrops.add(FaceBoxCrop.cut(landmark.get(i), box));
            correlation[i] = pearson(parametricCrops.get(i), landmarkCrops.get(i));
            // for scale: a plain cross-dissolve of the two prototypes, no warp
            dissolveCorrelation[i] = pearson(parametricCrops.get(i), FaceBoxCrop.cut(dissolve(sad, happy, i / (LEVELS - 1.0)), box));
        }
        double[] happyParametric;
        double[] happyLandmark;
        try (NDManager base = DjlEngine.newBaseManager();
             FaceExpressionNet net = new FaceExpressionNet(base,
                     ModelSpec.parse("faceapi:expression").weights(ModelStore.faceApi()))) {
            happyParametric = pHappy(net.predict(parametricCrops));
            happyLandmark = pHappy(net.predict(landmarkCrops));
        }
        StringBuilder table = new StringBuilder(
                "level  r(face box)  r(dissolve)  P(happy) parametric  P(happy) landmark\n");
        for (int i = 0; i < LEVELS; i++) {
            table.append(String.format(Locale.ROOT, "%5d  %11.4f  %11.4f  %19.4f  %17.4f%n", 5 * i, correlation[i],
                    dissolveCorrelation[i], happyParametric[i], happyLandmark[i]));
        }
        double crossParametric = halfway(happyParametric);
        double crossLandmark = halfway(happyLandmark);
        table.append(String.format(Locale.ROOT, "50 %% crossing: parametric %.2f %%, landmark %.2f %%",
                crossParametric, crossLandmark));
        System.out.println(table);

        // the ends are the prototypes themselves
        assertThat(correlation[0]).as(table.toString()).isGreaterThan(0.999);
        assertThat(correlation[LEVELS - 1]).as(table.toString()).isGreaterThan(0.999);
        for (int i = 0; i < LEVELS; i++) {
            assertThat(correlation[i]).as("level %d %%\n%s", 5 * i, table).isGreaterThanOrEqualTo(MIN_CORRELATION);
        }
        assertMonotone(happyLandmark, table.toString());
        assertThat(crossLandmark).as("P(happy) of the landmark morph never reaches 0.5\n%s", table).isNotNaN();
        assertThat(crossLandmark).as(table.toString()).isCloseTo(crossParametric,
                org.assertj.core.data.Offset.offset(MAX_CROSSING_SHIFT));
    }

    /*
     * Measured (varied-faces, seed 1, 256 px; the figures do not depend on the machine): the correlation inside the face
     * box is lowest at 50 % (0.9929) and 1 at both ends; a plain cross-dissolve without warping scores about the same
     * (0.9935 at 50 %): the two prototypes differ in little but the mouth and brows, so pixel correlation says the morph
     * keeps the face, and the expression network's reading is the test of the shape. P(happy) of the landmark morph rises
     * at every step; it crosses 0.5 at 68.5 %, the parametric continuum at 71.2 % (2.7 percentage points apart).
     */
    static final double MIN_CORRELATION = 0.985;
    static final double MONOTONE_TOLERANCE = 0.02;
    static final double MAX_CROSSING_SHIFT = 6;

    private static void assertMonotone(double[] p, String table) {
        double highest = 0;
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).as("P(happy) of the landmark morph at %d %%\n%s", 5 * i, table)
                    .isGreaterThanOrEqualTo(highest - MONOTONE_TOLERANCE);
            highest = Math.max(highest, p[i]);
        }
    }

    /** The level (percent) where P(happy) first reaches 0.5, linearly between the levels around it; NaN if never. */
    private static double halfway(double[] p) {
        for (int i = 1; i < p.length; i++) {
            if (p[i - 1] < 0.5 && p[i] >= 0.5) {
                return 5 * (i - 1 + (0.5 - p[i - 1]) / (p[i] - p[i - 1]));
            }
        }
        return Double.NaN;
    }

    private static double[] pHappy(List<ExpressionPrediction> predictions) {
        return predictions.stream().mapToDouble(p -> p.probability(Expression.HAPPY)).toArray();
    }

    private static Raster dissolve(Raster a, Raster b, double t) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        byte[] out = new byte[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round((1 - t) * (x[i] & 0xFF) + t * (y[i] & 0xFF));
        }
        return new Raster(a.width(), a.height(), out);
    }

    private static double pearson(Raster a, Raster b) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = x[i] & 0xFF;
            ys[i] = y[i] & 0xFF;
        }
        return new PearsonsCorrelation().correlation(xs, ys);
    }
}
