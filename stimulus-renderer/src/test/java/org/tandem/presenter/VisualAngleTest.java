package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

class VisualAngleTest {

    @Test
    void atFiftySevenCentimetresOneCentimetreIsAboutOneDegree() {
        // 1280 px over 40 cm: 32 px per cm
        VisualAngle angle = new VisualAngle(57.29, 40, 1280);
        assertThat(angle.pixels(1)).isCloseTo(32, within(0.01));
        assertThat(angle.pixels(10)).isCloseTo(2 * 57.29 * Math.tan(Math.toRadians(5)) * 32, within(1e-9));
    }

    @Test
    void degreesAndPixelsAreInverse() {
        VisualAngle angle = new VisualAngle(70, 53.1, 1920);
        assertThat(angle.degrees(angle.pixels(7.5))).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void stimulusSizesKeepTheAspectRatio() {
        VisualAngle angle = new VisualAngle(57.29, 40, 1280);
        assertThat(new StimulusSize.Degrees(8, angle).pixels(256, 128)).containsExactly(256, 128);
        assertThat(new StimulusSize.Pixels(100).pixels(200, 300)).containsExactly(100, 150);
        assertThat(new StimulusSize.Native().pixels(37, 41)).containsExactly(37, 41);
    }

    @Test
    void aNonPositiveDistanceIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new VisualAngle(0, 40, 1280)).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("--distance-cm");
    }
}
