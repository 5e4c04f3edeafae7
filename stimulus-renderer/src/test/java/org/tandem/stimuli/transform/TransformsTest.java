package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** The transforms by name, with their options, give what the transforms themselves give. */
class TransformsTest {

    private static final List<Raster> SET = List.of(Rasters.coordinates(24, 20), Rasters.colourGradient(24, 20, 30, 200, 60));

    @Test
    void everyNameIsKnown() {
        assertThat(Transforms.names()).containsExactly("invert", "negate", "scramble", "mask-eyes", "mask-nose",
                "mask-mouth", "lum-match", "hist-match", "grey", "resize");
        for (String name : Transforms.names()) {
            assertThat(Transforms.byName(name).cliName()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Transforms.byName("blur"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("'blur'")
                .hasMessageContaining("invert, negate, scramble");
    }

    @Test
    void byNameGivesTheSameImagesAsTheTransforms() {
        TransformOptions options = TransformOptions.none().withSize(12).withSeed(3);
        assertThat(Transforms.byName("invert").apply(SET, options).images())
                .containsExactly(Inversion.apply(SET.get(0)), Inversion.apply(SET.get(1)));
        assertThat(Transforms.byName("negate").apply(SET, options).images().get(1)).isEqualTo(Negation.apply(SET.get(1)));
        assertThat(Transforms.byName("grey").apply(SET, options).images().get(1)).isEqualTo(Greyscale.apply(SET.get(1)));
        assertThat(Transforms.byName("resize").apply(SET, options).images().get(0)).isEqualTo(Resize.to(SET.get(0), 12));
        assertThat(Transforms.byName("scramble").apply(SET, options).images().get(0))
                .isEqualTo(BlockScramble.standard(3).apply(SET.get(0)));
        assertThat(Transforms.byName("lum-match").apply(SET, options).images())
                .isEqualTo(LuminanceMatch.match(SET).images());
        assertThat(Transforms.byName("hist-match").apply(SET, options).images())
                .isEqualTo(HistogramMatch.match(SET).images());
        assertThat(Transforms.LUM_MATCH.setLevel()).isTrue();
        assertThat(Transforms.INVERT.setLevel()).isFalse();
    }

    @Test
    void masksAskTheSupplierForTheirFeature() {
        RegionSupplier regions = (feature, image) -> switch (feature) {
            case EYES -> List.of(Region.rectangle(2, 2, 4, 2), Region.rectangle(14, 2, 4, 2));
            case NOSE -> List.of(Region.rectangle(10, 8, 4, 4));
            case MOUTH -> List.of(Region.rectangle(6, 14, 12, 3));
        };
        TransformOptions options = TransformOptions.none().withRegions(regions).withMaskGrey(128);
        Raster image = SET.get(0);
        assertThat(Transforms.MASK_EYES.apply(List.of(image), options).images().get(0))
                .isEqualTo(RegionMask.of(regions.regions(FaceFeature.EYES, image)).withGrey(128).apply(image));
        assertThat(Transforms.MASK_MOUTH.apply(List.of(image), options).images().get(0).sample(6, 14, 0)).isEqualTo(128);
        assertThat(Transforms.MASK_NOSE.apply(List.of(image), options).images().get(0).sample(6, 14, 0))
                .isEqualTo(image.sample(6, 14, 0));
    }

    @Test
    void missingOptionsAreNamed() {
        TransformOptions none = TransformOptions.none();
        assertThatThrownBy(() -> Transforms.RESIZE.apply(SET, none)).isInstanceOf(TandemException.class)
                .hasMessageContaining("'resize' needs a target size");
        assertThatThrownBy(() -> Transforms.SCRAMBLE.apply(SET, none)).isInstanceOf(TandemException.class)
                .hasMessageContaining("'scramble' needs a seed");
        assertThatThrownBy(() -> Transforms.MASK_NOSE.apply(SET, none)).isInstanceOf(TandemException.class)
                .hasMessageContaining("'mask-nose' needs the face regions");
        TransformOptions noEyes = none.withRegions((feature, image) -> List.of());
        assertThatThrownBy(() -> Transforms.MASK_EYES.apply(SET, noEyes)).isInstanceOf(TandemException.class)
                .hasMessageContaining("no eyes region");
    }
}
