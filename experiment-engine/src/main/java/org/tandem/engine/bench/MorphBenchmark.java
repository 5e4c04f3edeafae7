package org.tandem.engine.bench;

import java.util.List;
import org.tandem.engine.stimuli.PhotoLandmarks;
import org.tandem.observer.faceapi.TinyFaceDetector;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.morph.LandmarkMorph;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.synthetic.VariedFaces;

/**
 * Times {@code stimuli morph} on a pair of KDEF-sized images (562 × 762): the built-in average face, sad and happy, drawn
 * at 762 pixels and cut to KDEF's width. One run is the detector and the 68-point network on both images and a 21-level
 * continuum (the networks' weights are loaded once, before the runs; files are not written).
 */
public final class MorphBenchmark {
    public static final int WIDTH = 562;
    public static final int HEIGHT = 762;
    public static final int LEVELS = 21;
    /** Drawn faces score lower with the detector than photographs (as in stimuli detect's tests). */
    private static final double MIN_SCORE = 0.3;

    /** Median and fastest run, and those of its two parts. */
    public record Timing(TimingStats total, TimingStats landmarks, TimingStats morph) {
    }

    private MorphBenchmark() {
    }

    public static Timing run(int repetitions, Runnable afterEach) {
        Raster sad = kdefSized("0");
        Raster happy = kdefSized("100");
        double[] total = new double[repetitions];
        double[] found = new double[repetitions];
        double[] morphed = new double[repetitions];
        try (PhotoLandmarks finder = new PhotoLandmarks(TinyFaceDetector.DEFAULT_INPUT_SIZE, MIN_SCORE)) {
            once(finder, sad, happy); // warm-up: the first inference pays for the engine's set-up
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                var a = finder.of(sad, "sad");
                var b = finder.of(happy, "happy");
                long mid = System.nanoTime();
                List<Raster> levels = new LandmarkMorph(sad, a.landmarks(), happy, b.landmarks()).levels(LEVELS);
                long end = System.nanoTime();
                if (levels.size() != LEVELS) {
                    throw new IllegalStateException("the morph made " + levels.size() + " levels, not " + LEVELS);
                }
                total[r] = (end - start) / 1e6;
                found[r] = (mid - start) / 1e6;
                morphed[r] = (end - mid) / 1e6;
                afterEach.run();
            }
        }
        return new Timing(TimingStats.of(total), TimingStats.of(found), TimingStats.of(morphed));
    }

    private static void once(PhotoLandmarks finder, Raster sad, Raster happy) {
        new LandmarkMorph(sad, finder.of(sad, "sad").landmarks(), happy, finder.of(happy, "happy").landmarks()).level(0.5);
    }

    private static Raster kdefSized(String level) {
        FaceSet faces = BuiltInFaceSets.open(VariedFaces.SET_NAME, HEIGHT, 1);
        Raster square = faces.render(StimulusRef.morph(faces.name(), "average", "sad-happy", level));
        return square.crop((HEIGHT - WIDTH) / 2, 0, WIDTH, HEIGHT);
    }
}
