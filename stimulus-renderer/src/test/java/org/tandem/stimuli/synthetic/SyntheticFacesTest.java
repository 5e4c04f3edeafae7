package org.tandem.stimuli.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

class SyntheticFacesTest {
    private final SyntheticFaces faces = SyntheticFaces.defaults();

    private static StimulusRef prototype(String identity, String expression) {
        return StimulusRef.prototype(SyntheticFaces.SET_NAME, identity, expression);
    }

    private static StimulusRef morph(String identity, String continuum, String level) {
        return StimulusRef.morph(SyntheticFaces.SET_NAME, identity, continuum, level);
    }

    @Test
    void sameReferenceGivesTheSamePixelsEveryTime() {
        Raster first = faces.render(prototype("07", "fearful"));
        Raster again = SyntheticFaces.defaults().render(prototype("07", "fearful"));
        assertThat(again).isEqualTo(first);
        assertThat(first.width()).isEqualTo(256);
        assertThat(first.height()).isEqualTo(256);
    }

    @Test
    void goldenHashesPinTheDrawing() {
        // change these only on purpose: every stored session's stimuli are these pixels
        assertThat(faces.render(prototype("average", "neutral")).contentHash()).isEqualTo(GoldenFaces.AVERAGE_NEUTRAL);
        assertThat(faces.render(prototype("01", "happy")).contentHash()).isEqualTo(GoldenFaces.ID01_HAPPY);
        assertThat(faces.render(morph("average", "sad-happy", "30")).contentHash()).isEqualTo(GoldenFaces.AVERAGE_SAD_HAPPY_30);
        assertThat(new SyntheticFaces(128, 1).render(prototype("02", "disgusted")).contentHash())
                .isEqualTo(GoldenFaces.ID02_DISGUSTED_128);
    }

    @Test
    void morphEndsAreThePrototypesAndTheMiddleIsNeither() {
        Raster sad = faces.render(prototype("03", "sad"));
        Raster happy = faces.render(prototype("03", "happy"));
        assertThat(faces.render(morph("03", "sad-happy", "0"))).isEqualTo(sad);
        assertThat(faces.render(morph("03", "sad-happy", "100"))).isEqualTo(happy);
        Raster middle = faces.render(morph("03", "sad-happy", "50"));
        assertThat(middle).isNotEqualTo(sad).isNotEqualTo(happy);
    }

    @Test
    void twentyFourIdentitiesAreTwentyFourDifferentFacesOnGrey() {
        Set<String> hashes = new HashSet<>();
        for (String identity : SyntheticFaces.identityNames(24)) {
            Raster face = faces.render(prototype(identity, "neutral"));
            hashes.add(face.contentHash());
            assertThat(face.sample(2, 2, 0)).isEqualTo(128); // grey background in the corner
            assertThat(face.sample(128, 128, 0)).isNotEqualTo(128); // a face in the middle
        }
        assertThat(hashes).hasSize(24);
    }

    @Test
    void everyExpressionLooksDifferentOnTheSameIdentity() {
        Set<String> hashes = new HashSet<>();
        for (String expression : ExpressionPrototypes.NAMES) {
            hashes.add(faces.render(prototype("05", expression)).contentHash());
        }
        assertThat(hashes).hasSize(ExpressionPrototypes.NAMES.size());
    }

    @Test
    void anySizeShowsTheSameFace() {
        Raster small = new SyntheticFaces(64, 1).render(prototype("04", "surprised"));
        assertThat(small.width()).isEqualTo(64);
        assertThat(new SyntheticFaces(512, 1).render(prototype("04", "surprised")).width()).isEqualTo(512);
    }

    @Test
    void badReferencesSayWhatExists() {
        assertThatThrownBy(() -> faces.render(prototype("average", "bored"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("unknown expression 'bored'").hasMessageContaining("happy");
        assertThatThrownBy(() -> faces.render(prototype("bob", "happy"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("'average'");
        assertThatThrownBy(() -> faces.render(morph("01", "sad-happy", "120"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("outside 0..100");
    }

    @Test
    void theFaceCropCoversTheFaceInsideTheImage() {
        var crop = faces.faceCrop(prototype("average", "neutral"));
        assertThat(crop.getX()).isBetween(10.0, 100.0);
        assertThat(crop.getMaxX()).isBetween(156.0, 250.0);
        assertThat(crop.getY()).isBetween(40.0, 120.0);
        assertThat(crop.getMaxY()).isBetween(200.0, 256.0);
    }
}
