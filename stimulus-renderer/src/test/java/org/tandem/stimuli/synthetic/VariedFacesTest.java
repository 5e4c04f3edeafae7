package org.tandem.stimuli.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

class VariedFacesTest {
    private static final List<String> SIX = List.of("angry", "disgusted", "fearful", "happy", "sad", "surprised");
    private final VariedFaces faces = new VariedFaces(256, 1);

    private static StimulusRef prototype(String identity, String expression) {
        return StimulusRef.prototype(VariedFaces.SET_NAME, identity, expression);
    }

    private static StimulusRef morph(String identity, String continuum, String level) {
        return StimulusRef.morph(VariedFaces.SET_NAME, identity, continuum, level);
    }

    @Test
    void sameReferenceGivesTheSamePixelsEveryTime() {
        Raster first = faces.render(prototype("07", "fearful"));
        assertThat(new VariedFaces(256, 1).render(prototype("07", "fearful"))).isEqualTo(first);
        assertThat(new VariedFaces(256, 2).render(prototype("07", "fearful"))).isNotEqualTo(first);
    }

    @Test
    void goldenHashesPinTheDrawing() {
        assertThat(faces.render(prototype("average", "neutral")).contentHash()).isEqualTo(GoldenFaces.VARIED_AVERAGE_NEUTRAL);
        assertThat(faces.render(prototype("01", "happy")).contentHash()).isEqualTo(GoldenFaces.VARIED_ID01_HAPPY);
        assertThat(faces.render(morph("average", "sad-happy", "30")).contentHash())
                .isEqualTo(GoldenFaces.VARIED_AVERAGE_SAD_HAPPY_30);
        assertThat(new VariedFaces(128, 1).render(prototype("02", "disgusted")).contentHash())
                .isEqualTo(GoldenFaces.VARIED_ID02_DISGUSTED_128);
    }

    @Test
    void everyImageOfAPersonIsTakenDifferentlyButAllLevelsOfAMorphShareOneView() {
        Set<String> views = new HashSet<>();
        for (String expression : SIX) {
            views.add(viewKey(faces.image(prototype("05", expression)).view()));
        }
        assertThat(views).hasSize(SIX.size());
        ViewConditions first = faces.image(morph("05", "sad-happy", "0")).view();
        for (String level : List.of("5", "50", "100")) {
            assertThat(viewKey(faces.image(morph("05", "sad-happy", level)).view())).isEqualTo(viewKey(first));
        }
    }

    @Test
    void morphLevelsLieExactlyOnTheLineBetweenThePersonsStyledEnds() {
        ExpressionBySide sad = faces.image(morph("03", "sad-happy", "0")).sides();
        ExpressionBySide happy = faces.image(morph("03", "sad-happy", "100")).sides();
        ExpressionBySide level30 = faces.image(morph("03", "sad-happy", "30")).sides();
        assertThat(level30.left()).isEqualTo(sad.left().towards(happy.left(), 0.3));
        assertThat(level30.right()).isEqualTo(sad.right().towards(happy.right(), 0.3));
        ExpressionStyle style = ExpressionStyle.generate(1, 3);
        assertThat(sad.left().get(ActionUnit.AU15_LIP_CORNER_DEPRESSOR)).isEqualTo(Math.min(1,
                style.gain()[ActionUnit.AU15_LIP_CORNER_DEPRESSOR.ordinal()]
                        * (1 + style.asymmetry()[ActionUnit.AU15_LIP_CORNER_DEPRESSOR.ordinal()])), within(1e-12));
        assertThat(happy.left().get(ActionUnit.AU15_LIP_CORNER_DEPRESSOR)).isZero();
    }

    @Test
    void everyDrawnValueStaysInItsDocumentedRange() {
        for (String identity : SyntheticFaces.identityNames(24)) {
            for (String expression : SIX) {
                VariedFaces.Image image = faces.image(prototype(identity, expression));
                ViewConditions v = image.view();
                assertThat(Math.abs(v.yaw())).isLessThanOrEqualTo(ViewConditions.YAW);
                assertThat(Math.abs(v.pitch())).isLessThanOrEqualTo(ViewConditions.PITCH);
                assertThat(Math.abs(v.roll())).isLessThanOrEqualTo(ViewConditions.ROLL);
                assertThat(v.scale()).isBetween(ViewConditions.SCALE_LOW, ViewConditions.SCALE_HIGH);
                assertThat(v.lightShare()).isBetween(ViewConditions.LIGHT_SHARE_LOW, ViewConditions.LIGHT_SHARE_HIGH);
                assertThat(v.noise()).isBetween(ViewConditions.NOISE_LOW, ViewConditions.NOISE_HIGH);
                assertThat(image.posed()).isIn(ExpressionPrototypes.of(expression),
                        ExpressionVariants.variantOf(expression).orElse(ExpressionPrototypes.of(expression)));
                for (ActionUnit unit : ActionUnit.values()) {
                    boolean used = image.posed().get(unit) > 0;
                    assertThat(image.sides().left().get(unit) > 0 || image.sides().right().get(unit) > 0)
                            .as("%s %s %s", identity, expression, unit).isEqualTo(used);
                }
            }
        }
    }

    @Test
    void aShareOfFearfulAndSurprisedFacesPoseTheVariantCloseToTheOther() {
        for (String expression : List.of("fearful", "surprised")) {
            ExpressionParameters variant = ExpressionVariants.variantOf(expression).orElseThrow();
            long variants = SyntheticFaces.identityNames(24).stream()
                    .filter(identity -> faces.image(prototype(identity, expression)).posed().equals(variant)).count();
            assertThat(variants).as(expression).isBetween(4L, 16L);
        }
        String other = "surprised";
        ExpressionParameters fearVariant = ExpressionVariants.variantOf("fearful").orElseThrow();
        assertThat(distance(fearVariant, ExpressionPrototypes.of(other)))
                .isLessThan(distance(fearVariant, ExpressionPrototypes.of("fearful")));
        for (String expression : List.of("angry", "disgusted", "happy", "sad", "neutral")) {
            assertThat(ExpressionVariants.variantOf(expression)).as(expression).isEmpty();
        }
        assertThat(faces.image(prototype("04", "fearful")).posed()).isEqualTo(fearVariant);
        assertThat(faces.render(prototype("04", "fearful")).contentHash()).isEqualTo(GoldenFaces.VARIED_ID04_FEARFUL);
    }

    private static double distance(ExpressionParameters a, ExpressionParameters b) {
        double sum = 0;
        for (ActionUnit unit : ActionUnit.values()) {
            sum += (a.get(unit) - b.get(unit)) * (a.get(unit) - b.get(unit));
        }
        return Math.sqrt(sum);
    }

    @Test
    void theDrawingAndTheRegionsUseOneMapBothWays() {
        for (String identity : List.of("average", "04", "11", "19")) {
            HeadPose pose = faces.image(prototype(identity, "surprised")).pose();
            for (double x = 70; x <= 186; x += 8) {
                for (double y = 60; y <= 220; y += 8) {
                    double[] image = pose.toImage(x, y);
                    double[] back = pose.toDrawing(image[0], image[1]);
                    assertThat(back[0]).as("x of (%s, %s)", x, y).isCloseTo(x, within(0.01));
                    assertThat(back[1]).as("y of (%s, %s)", x, y).isCloseTo(y, within(0.01));
                }
            }
        }
    }

    @Test
    void theCropHoldsTheEyesNoseAndMouthInsideTheImage() {
        for (String identity : SyntheticFaces.identityNames(24)) {
            for (String expression : SIX) {
                StimulusRef ref = prototype(identity, expression);
                Rectangle2D crop = faces.faceCrop(ref);
                assertThat(crop.getX()).isGreaterThan(0);
                assertThat(crop.getY()).isGreaterThan(0);
                assertThat(crop.getMaxX()).isLessThan(256);
                for (String part : List.of("eyes", "nose", "mouth")) {
                    for (double[] e : faces.partRegions(ref, part)) {
                        assertThat(crop.contains(e[0], e[1])).as("%s %s %s", ref, part, crop).isTrue();
                    }
                }
                assertThat(faces.renderFaceCrop(ref).width()).isGreaterThan(100);
            }
        }
    }

    @Test
    void theEyeRegionsSitOnTheDrawnEyes() {
        // the pupils are the darkest pixels of a face: each eye ellipse holds a pixel far darker than the skin around it
        StimulusRef ref = prototype("09", "surprised");
        Raster image = faces.render(ref);
        for (double[] eye : faces.partRegions(ref, "eyes")) {
            int darkest = 255;
            for (int y = (int) (eye[1] - eye[3] / 2); y <= eye[1] + eye[3] / 2; y++) {
                for (int x = (int) (eye[0] - eye[2] / 2); x <= eye[0] + eye[2] / 2; x++) {
                    darkest = Math.min(darkest, image.sample(x, y, 1));
                }
            }
            assertThat(darkest).as("darkest green in %s", java.util.Arrays.toString(eye)).isLessThan(60);
        }
    }

    @Test
    void badReferencesNameTheSet() {
        assertThatThrownBy(() -> faces.render(prototype("bob", "happy"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("varied-faces has no identity 'bob'");
        assertThatThrownBy(() -> faces.render(prototype("01", "bored"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("unknown expression 'bored'");
        assertThatThrownBy(() -> faces.render(morph("01", "sad-happy", "120"))).isInstanceOf(TandemException.class)
                .hasMessageContaining("outside 0..100");
    }

    @Test
    void theBuiltInSetsAreFoundByName() {
        FaceSet varied = BuiltInFaceSets.defaults("varied-faces");
        assertThat(varied.name()).isEqualTo("varied-faces");
        assertThat(BuiltInFaceSets.defaults("varied-faces")).isSameAs(varied);
        // a face drawn once is kept for the run, and it is exactly what drawing it again gives
        StimulusRef fear = StimulusRef.prototype("varied-faces", "04", "fearful");
        assertThat(varied.render(fear)).isSameAs(varied.render(fear))
                .isEqualTo(BuiltInFaceSets.open("varied-faces", 256, 1).render(fear));
        assertThat(BuiltInFaceSets.defaults("synthetic-faces").render(StimulusRef.prototype("synthetic-faces", "01",
                "happy")).contentHash()).isEqualTo(GoldenFaces.ID01_HAPPY);
        assertThatThrownBy(() -> BuiltInFaceSets.defaults("cartoons")).isInstanceOf(TandemException.class)
                .hasMessageContaining("varied-faces, synthetic-faces");
    }

    private static String viewKey(ViewConditions v) {
        return v.yaw() + "/" + v.pitch() + "/" + v.roll() + "/" + v.lightAzimuth() + "/" + v.noiseSeed();
    }
}
