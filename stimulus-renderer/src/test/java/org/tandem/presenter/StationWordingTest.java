package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.Screens;
import org.tandem.presenter.screen.StationTexts;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * The station's wording from the protocol, in German and in Greek: read from the protocol file, baked into a glyph
 * atlas that holds every character used (Greek beyond Latin-1), and drawn, read back from the screen; a character the
 * bundled font lacks is refused by name.
 */
class StationWordingTest {
    private static final String GERMAN = "{\"instructionsTitle\": \"Anleitung\", \"continueHint\": \"Weiter mit der"
            + " Leertaste.\", \"prompt\": \"Welchen Ausdruck zeigte das Gesicht?\", \"breakTitle\": \"Pause\","
            + " \"breakText\": \"Sie haben {done} von {total} Durchgängen geschafft ({percent} %).\", \"pauseTitle\":"
            + " \"Angehalten\", \"endText\": \"Vielen Dank für Ihre Teilnahme. Grüße!\", \"tooSlow\": \"Zu langsam\"}";
    private static final String GREEK = "{\"instructionsTitle\": \"Οδηγίες\", \"continueHint\": \"Πατήστε το"
            + " πλήκτρο διαστήματος για να συνεχίσετε.\", \"prompt\": \"Ποια έκφραση έδειξε το πρόσωπο;\","
            + " \"pauseTitle\": \"Παύση\", \"pauseText\": \"Πατήστε R για συνέχεια ή Q για τέλος.\","
            + " \"correct\": \"Σωστό\", \"wrong\": \"Λάθος\"}";

    private static Protocol withWording(String wording) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-6way").json());
        p.set("wording", json.readTree(wording));
        return ProtocolReader.read(json.writeValueAsString(p), "wording");
    }

    private static int inked(Raster shot) {
        int count = 0;
        for (int y = 0; y < shot.height(); y++) {
            for (int x = 0; x < shot.width(); x++) {
                count += shot.sample(x, y, 0) != 128 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void germanWordingIsShownWithItsUmlautsAndTheBreakCounts() throws Exception {
        StationTexts texts = StationTexts.of(withWording(GERMAN).wording());
        assertThat(texts.breakText(3, 12)).isEqualTo("Sie haben 3 von 12 Durchgängen geschafft (25 %).");
        assertThat(texts.prompt()).isEqualTo("Welchen Ausdruck zeigte das Gesicht?");
        assertThat(texts.pauseText()).as("not given: English").isEqualTo(StationTexts.ENGLISH.pauseText());
        try (GlStage stage = new GlStage(640, 480)) {
            Screens german = new Screens(stage.fonts, 640, 480, 0, texts);
            assertThat("ÄäÖöÜüß".codePoints()).allMatch(c -> stage.fonts.body().covers(c));
            assertThat(inked(stage.capture(german.end()))).isPositive();
            assertThat(stage.capture(german.end()).equals(stage.capture(stage.screens.end()))).isFalse();
        }
    }

    @Test
    void greekWordingGetsItsGlyphsBakedAndDrawn() throws Exception {
        StationTexts texts = StationTexts.of(withWording(GREEK).wording());
        try (GlStage stage = new GlStage(640, 480); Fonts greek = Fonts.forBodyHeight(20, texts.allText())) {
            assertThat(texts.allText().codePoints()).allMatch(c -> greek.body().covers(c) && greek.title().covers(c));
            assertThat(stage.fonts.body().covers('Π')).as("the station's default atlas is Latin-1").isFalse();
            Screens withGreek = new Screens(greek, 640, 480, 0, texts);
            Screens withoutGreek = new Screens(stage.fonts, 640, 480, 0, texts);
            Raster drawn = stage.capture(withGreek.pause());
            assertThat(inked(drawn)).isPositive();
            // without the Greek glyphs every letter would be drawn as '?': the pictures must differ
            assertThat(drawn.equals(stage.capture(withoutGreek.pause()))).isFalse();
            assertThat(greek.body().width("Παύση")).isNotEqualTo(greek.body().width("?????"));
        }
    }

    @Test
    void aCharacterTheFontLacksIsRefusedByName() {
        try (GlStage stage = new GlStage(64, 48)) {
            assertThatThrownBy(() -> Fonts.forBodyHeight(20, "暂停")).isInstanceOf(TandemException.class)
                    .hasMessageContaining("'暂' (U+6682)").hasMessageContaining("DejaVu Sans");
        }
    }
}
