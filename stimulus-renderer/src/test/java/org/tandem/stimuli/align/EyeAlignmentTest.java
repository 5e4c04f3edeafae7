package org.tandem.stimuli.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** The closed-form eye alignment and the bilinear warp it drives. */
class EyeAlignmentTest {
    @Test
    void carriesBothEyesOntoTheirTargetsWithoutShear() {
        Point2D left = new Point2D.Double(310.4, 212.9);
        Point2D right = new Point2D.Double(371.2, 190.3);
        Point2D targetLeft = CanonicalEyes.ARCFACE.imageLeft(256);
        Point2D targetRight = CanonicalEyes.ARCFACE.imageRight(256);
        AffineTransform t = EyeAlignment.toTarget(left, right, targetLeft, targetRight);
        assertThat(t.transform(left, null).distance(targetLeft)).isLessThan(1e-9);
        assertThat(t.transform(right, null).distance(targetRight)).isLessThan(1e-9);
        // a similarity: equal scale on both axes, no shear; the tilted eye line becomes level
        assertThat(t.getScaleX()).isCloseTo(t.getScaleY(), within(1e-12));
        assertThat(t.getShearX()).isCloseTo(-t.getShearY(), within(1e-12));
        double scale = Math.hypot(t.getScaleX(), t.getShearY());
        assertThat(scale).isCloseTo(targetLeft.distance(targetRight) / left.distance(right), within(1e-12));
    }

    @Test
    void eyesOnTopOfEachOtherAreRefused() {
        Point2D eye = new Point2D.Double(10, 10);
        assertThatThrownBy(() -> EyeAlignment.toTarget(eye, new Point2D.Double(10.5, 10), new Point2D.Double(1, 1),
                new Point2D.Double(5, 1))).isInstanceOf(TandemException.class).hasMessageContaining("too close");
    }

    @Test
    void aWholePixelShiftCopiesPixelsAndTheEdgeIsFilledAndCounted() {
        int w = 6;
        int h = 5;
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        Raster source = new Raster(w, h, rgb);
        // output (u, v) shows source (u + 2, v + 1): the last column and the last row fall outside
        BilinearWarp.Warped warped = BilinearWarp.warp(source, AffineTransform.getTranslateInstance(-2, -1), 5);
        for (int v = 0; v < 5; v++) {
            for (int u = 0; u < 5; u++) {
                for (int c = 0; c < 3; c++) {
                    int expected = u + 2 < w && v + 1 < h ? source.sample(u + 2, v + 1, c) : BilinearWarp.FILL;
                    assertThat(warped.image().sample(u, v, c)).as("(%d, %d)", u, v).isEqualTo(expected);
                }
            }
        }
        assertThat(warped.outsideFraction()).isCloseTo(9.0 / 25, within(1e-12));
    }

    @Test
    void halfwayBetweenTwoPixelsIsTheirMean() {
        Raster source = new Raster(2, 1, new byte[] {0, 100, (byte) 200, 10, 20, 30});
        BilinearWarp.Warped warped = BilinearWarp.warp(source, AffineTransform.getTranslateInstance(-0.5, 0), 1);
        assertThat(warped.image().sample(0, 0, 0)).isEqualTo(5);
        assertThat(warped.image().sample(0, 0, 1)).isEqualTo(60);
        assertThat(warped.image().sample(0, 0, 2)).isEqualTo(115);
        assertThat(warped.outsideFraction()).isZero();
    }
}
