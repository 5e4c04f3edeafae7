package org.tandem.stimuli.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** KDEF and RaFD file names: what they say, and which files the defaults use. */
class NamingSchemeTest {

    @Test
    void kdefStraightViewOfSessionA() {
        NamingScheme.Match m = KdefNaming.standard().match("AF01HAS.JPG").orElseThrow();
        assertThat(m.identity()).isEqualTo("F01");
        assertThat(m.expression()).isEqualTo("happy");
        assertThat(m.attributes()).containsExactly(Map.entry("session", "A"), Map.entry("view", "S"));
        assertThat(m.used()).isTrue();
    }

    @Test
    void kdefExpressionsInTandemsNames() {
        KdefNaming kdef = KdefNaming.standard();
        Map<String, String> codes = Map.of("AF", "fearful", "AN", "angry", "DI", "disgusted", "HA", "happy",
                "NE", "neutral", "SA", "sad", "SU", "surprised");
        codes.forEach((code, expression) ->
                assertThat(kdef.match("AM35" + code + "S.jpg").orElseThrow().expression()).isEqualTo(expression));
        assertThat(kdef.match("am35nes.png").orElseThrow().identity()).isEqualTo("M35");
    }

    @Test
    void kdefOtherViewsAndSessionBAreSkippedByDefault() {
        KdefNaming kdef = KdefNaming.standard();
        for (String name : new String[] {"AF01HAFL.JPG", "AF01HAHL.JPG", "AF01HAHR.JPG", "AF01HAFR.JPG"}) {
            NamingScheme.Match m = kdef.match(name).orElseThrow();
            assertThat(m.used()).as(name).isFalse();
            assertThat(m.skipReason()).contains("view");
        }
        assertThat(kdef.match("BF01HAS.JPG").orElseThrow().skipReason()).contains("session B");
        KdefNaming all = new KdefNaming(Set.of("a", "B"), Set.of("S", "HL"));
        assertThat(all.match("BF01HAHL.JPG").orElseThrow().used()).isTrue();
        assertThat(all.match("BF01HAHL.JPG").orElseThrow().attributes()).containsEntry("view", "HL");
    }

    @Test
    void namesThatAreNotKdef() {
        KdefNaming kdef = KdefNaming.standard();
        assertThat(kdef.match("AF36HAS.JPG")).as("identity 36").isEmpty();
        assertThat(kdef.match("AF00HAS.JPG")).as("identity 00").isEmpty();
        assertThat(kdef.match("CF01HAS.JPG")).as("session C").isEmpty();
        assertThat(kdef.match("AF01XXS.JPG")).as("expression XX").isEmpty();
        assertThat(kdef.match("AF01HAS.txt")).as("not an image").isEmpty();
        assertThat(kdef.match("AF01HAS")).as("no extension").isEmpty();
        assertThatThrownBy(() -> new KdefNaming(Set.of("A"), Set.of("UP"))).hasMessageContaining("unknown view 'UP'");
    }

    @Test
    void rafdFrontalCameraAndGaze() {
        NamingScheme.Match m = RafdNaming.standard().match("Rafd090_01_Caucasian_female_happy_frontal.jpg").orElseThrow();
        assertThat(m.identity()).isEqualTo("01");
        assertThat(m.expression()).isEqualTo("happy");
        assertThat(m.attributes()).containsExactly(Map.entry("angle", "090"), Map.entry("ethnicity", "Caucasian"),
                Map.entry("sex", "female"), Map.entry("gaze", "frontal"));
        assertThat(m.used()).isTrue();
        assertThat(RafdNaming.standard().match("Rafd090_73_Moroccan_male_contemptuous_frontal.JPG").orElseThrow()
                .expression()).isEqualTo("contemptuous");
    }

    @Test
    void rafdOtherAnglesAndGazesAreSkippedByDefault() {
        RafdNaming rafd = RafdNaming.standard();
        assertThat(rafd.match("Rafd045_01_Caucasian_female_happy_frontal.jpg").orElseThrow().skipReason())
                .contains("angle 045");
        assertThat(rafd.match("Rafd090_01_Caucasian_female_happy_left.jpg").orElseThrow().skipReason())
                .contains("gaze left");
        assertThat(new RafdNaming(Set.of("090", "045"), Set.of("frontal", "left"))
                .match("Rafd045_01_Caucasian_female_happy_left.jpg").orElseThrow().used()).isTrue();
    }

    @Test
    void namesThatAreNotRafd() {
        RafdNaming rafd = RafdNaming.standard();
        assertThat(rafd.match("Rafd090_01_Caucasian_female_bored_frontal.jpg")).as("unknown expression").isEmpty();
        assertThat(rafd.match("Rafd090_01_Caucasian_other_happy_frontal.jpg")).as("sex").isEmpty();
        assertThat(rafd.match("Rafd090_01_Caucasian_female_happy_up.jpg")).as("gaze").isEmpty();
        assertThat(rafd.match("AF01HAS.JPG")).isEmpty();
    }
}
