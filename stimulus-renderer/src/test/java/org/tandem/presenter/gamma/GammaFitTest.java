package org.tandem.presenter.gamma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;

/**
 * The gamma fit against SciPy's {@code curve_fit} on the same readings (a display of gamma 2.2 from 0.5 to 120 cd/m²
 * with 1 % photometer noise, NumPy seed 7), the linearisation table, and the refusals of bad measurement files.
 */
class GammaFitTest {
    private static final String READINGS = "level,luminance\n0,0.5\n16,0.773\n32,1.738\n48,3.5\n64,6.181\n80,9.73\n"
            + "96,14.439\n112,20.324\n128,26.601\n144,34.278\n160,43.572\n176,53.548\n192,64.577\n208,76.119\n"
            + "224,90.325\n240,105.81\n255,118.387\n";

    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path file = dir.resolve("readings.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theFitMatchesScipyAndTheTableInvertsTheMeasuredCurve() throws Exception {
        GammaFit fit = GammaFit.fit(GammaMeasurements.read(csv(READINGS)));
        // scipy.optimize.curve_fit(lambda x, a, b, g: a + (b - a) * x**g, levels / 255, luminance)
        assertThat(fit.gamma()).isCloseTo(2.18126673, within(1e-6));
        assertThat(fit.lmin()).isCloseTo(0.39176753, within(1e-5));
        assertThat(fit.lmax()).isCloseTo(119.34734377, within(1e-5));
        assertThat(fit.rSquared()).isGreaterThan(0.999);
        assertThat(fit.lut()).hasSize(256);
        assertThat(fit.lut()[0]).isZero();
        assertThat(fit.lut()[255]).isEqualTo(1.0);
        for (int k = 1; k < 256; k++) {
            assertThat(fit.lut()[k]).isGreaterThan(fit.lut()[k - 1]);
        }
        // half the luminance range needs about 0.5^(1/2.2) of the grey range
        assertThat(fit.lut()[128] * 255).isCloseTo(186, within(3.0));
        assertThat(GammaFit.powerLawLut(2.2)[128] * 255).isCloseTo(186.415, within(0.01));
    }

    @Test
    void badReadingsAreRefusedNamingTheLine() throws Exception {
        assertThatThrownBy(() -> GammaMeasurements.read(csv("level,luminance\n0,0.5\n64,6\n32,2\n")))
                .isInstanceOf(TandemException.class).hasMessageContaining("line 4").hasMessageContaining("ascending");
        assertThatThrownBy(() -> GammaMeasurements.read(csv("level,luminance\n0,0.5\n64,6\n128,5\n")))
                .hasMessageContaining("line 4").hasMessageContaining("brighter");
        assertThatThrownBy(() -> GammaMeasurements.read(csv("level,luminance\n0,0.5\n64,bright\n")))
                .hasMessageContaining("line 3").hasMessageContaining("'bright' is not a number");
        assertThatThrownBy(() -> GammaMeasurements.read(csv("level,luminance\n0,0.5\n128,20\n255,100\n")))
                .hasMessageContaining("at least 5 levels from 0 to 255");
        assertThatThrownBy(() -> GammaMeasurements.read(csv("grey,cd\n0,0.5\n")))
                .hasMessageContaining("level and luminance");
    }
}
