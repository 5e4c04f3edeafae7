package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The part ellipses of 68 landmarks: each spans its points' extent widened by the margin on each axis, the eyes take in
 * their brows, and a part whose points lie on a line (a nose's bridge) still gets a width of a third of its height.
 */
class Landmark68RegionsTest {

    @Test
    void eachPartIsItsPointsExtentWidenedByTheMargin() {
        double[] x = new double[68];
        double[] y = new double[68];
        // the mouth (48-67) spans x 40..60, y 70..80; every other point far away at (0, 0)
        for (int i = 48; i <= 67; i++) {
            x[i] = 40 + (i - 48) * 20.0 / 19;
            y[i] = i % 2 == 0 ? 70 : 80;
        }
        List<Region> mouth = Landmark68Regions.of(FaceFeature.MOUTH, x, y);
        assertThat(mouth).containsExactly(Region.ellipse(50, 75, 10 * Landmark68Regions.MARGIN,
                5 * Landmark68Regions.MARGIN));
    }

    @Test
    void theEyesTakeInTheirBrowsAndANoseOnALineKeepsAWidth() {
        double[] x = new double[68];
        double[] y = new double[68];
        for (int i = 0; i < 68; i++) {
            x[i] = 100;
            y[i] = 100;
        }
        // left eye 36-41 at y 50, its brow 17-21 at y 40; right eye 42-47 and brow 22-26 likewise, further right
        row(x, y, 36, 41, 20, 2, 50);
        row(x, y, 17, 21, 20, 2.5, 40);
        row(x, y, 42, 47, 60, 2, 50);
        row(x, y, 22, 26, 60, 2.5, 40);
        // the nose's points on the vertical line x = 45, y 50..74
        for (int i = 29; i <= 35; i++) {
            x[i] = 45;
            y[i] = 50 + (i - 29) * 4;
        }
        List<Region> eyes = Landmark68Regions.of(FaceFeature.EYES, x, y);
        assertThat(eyes).hasSize(2);
        assertThat(eyes.get(0).contains(25, 40)).as("the left brow is inside").isTrue();
        assertThat(eyes.get(0).contains(65, 45)).as("the right eye is not in the left one").isFalse();
        assertThat(eyes.get(1).contains(65, 40)).isTrue();
        Region nose = Landmark68Regions.of(FaceFeature.NOSE, x, y).get(0);
        assertThat(nose.width()).isEqualTo(24.0 / 3 * Landmark68Regions.MARGIN);
        assertThat(nose.height()).isEqualTo(24.0 * Landmark68Regions.MARGIN);
    }

    /** Points from..to on the row y, from x0 in steps of dx. */
    private static void row(double[] x, double[] y, int from, int to, double x0, double dx, double rowY) {
        for (int i = from; i <= to; i++) {
            x[i] = x0 + (i - from) * dx;
            y[i] = rowY;
        }
    }

    @Test
    void landmarksOtherThan68PointsAreRefused() {
        assertThatThrownBy(() -> Landmark68Regions.of(FaceFeature.NOSE, new double[5], new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("68 points");
    }
}
