package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/** The patch covers exactly the region's pixels with the chosen grey, and nothing else. */
class RegionMaskTest {

    /** The pixels (as "x,y") whose value differs between the images. */
    private static Set<String> changed(Raster a, Raster b) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (!java.util.Arrays.equals(Rasters.pixel(a, x, y), Rasters.pixel(b, x, y))) {
                    changed.add(x + "," + y);
                }
            }
        }
        return changed;
    }

    private static Raster flat(int width, int height, int r, int g, int b) {
        int[] rgb = new int[width * height * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = r;
            rgb[i + 1] = g;
            rgb[i + 2] = b;
        }
        return Rasters.of(width, height, rgb);
    }

    @Test
    void rectangleFillsExactlyItsPixels() {
        Raster in = flat(4, 4, 200, 10, 30);
        Raster out = RegionMask.of(List.of(Region.rectangle(1, 1, 2, 2))).withGrey(90).apply(in);

        assertThat(changed(in, out)).containsExactlyInAnyOrder("1,1", "2,1", "1,2", "2,2");
        assertThat(Rasters.pixel(out, 1, 1)).containsExactly(90, 90, 90);
        assertThat(Rasters.pixel(out, 2, 2)).containsExactly(90, 90, 90);
    }

    @Test
    void ellipseCoversThePixelsWhoseCentresAreInside() {
        // centre (2.5, 2.5), radius 1.2: centres at offsets dx, dy in whole pixels, inside when dx² + dy² <= 1.44
        Raster in = flat(5, 5, 0, 0, 0);
        Raster out = RegionMask.of(List.of(Region.ellipse(2.5, 2.5, 1.2, 1.2))).withGrey(255).apply(in);
        assertThat(changed(in, out)).containsExactlyInAnyOrder("2,2", "1,2", "3,2", "2,1", "2,3");
    }

    @Test
    void defaultGreyIsTheImagesMeanLuma() {
        // left column (255, 0, 0): luma 76.245; right column black: mean 38.1225 -> 38
        Raster in = Rasters.of(2, 2, 255, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0);
        Raster out = RegionMask.of(List.of(Region.rectangle(0, 0, 1, 1))).apply(in);
        assertThat(Rasters.pixel(out, 0, 0)).containsExactly(38, 38, 38);
        assertThat(changed(in, out)).containsExactly("0,0");
    }

    @Test
    void severalRegionsAreAllCovered() {
        Raster in = flat(6, 1, 1, 2, 3);
        Raster out = RegionMask.of(List.of(Region.rectangle(0, 0, 1, 1), Region.rectangle(4, 0, 2, 1))).withGrey(7).apply(in);
        assertThat(changed(in, out)).containsExactlyInAnyOrder("0,0", "4,0", "5,0");
    }

    @Test
    void antiAliasedEdgesBlendByCoverage() {
        // rectangle from x = 1.5 to 3: pixel 1 is half covered (2 of the 4 sub-columns), pixel 2 fully, 0 and 3 not at all
        Raster in = Rasters.grey(4, 1, 100, 100, 100, 100);
        Raster out = RegionMask.of(List.of(Region.rectangle(1.5, 0, 1.5, 1))).withGrey(0).withAntiAliasing(true).apply(in);
        assertThat(out).isEqualTo(Rasters.grey(4, 1, 100, 50, 0, 100));
    }

    @Test
    void antiAliasedEllipseIsGreyInsideUntouchedFarOutsideAndBlendedBetween() {
        Raster in = flat(9, 9, 250, 250, 250);
        Raster out = RegionMask.of(List.of(Region.ellipse(4.5, 4.5, 3, 3))).withGrey(10).withAntiAliasing(true).apply(in);
        assertThat(Rasters.pixel(out, 4, 4)).containsExactly(10, 10, 10);
        assertThat(Rasters.pixel(out, 0, 0)).containsExactly(250, 250, 250);
        int edge = out.sample(4, 1, 0);   // the pixel [4, 5) x [1, 2) straddles the top of the circle (y = 1.5)
        assertThat(edge).isStrictlyBetween(10, 250);
        Raster hard = RegionMask.of(List.of(Region.ellipse(4.5, 4.5, 3, 3))).withGrey(10).apply(in);
        assertThat(hard.sample(4, 1, 0)).isIn(10, 250);
    }
}
