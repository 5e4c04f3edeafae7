package org.tandem.observer.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.protocols.observer.Raster;

/**
 * Faces reach the human-models networks as the @vladmandic/human library prepares them: each network's input, made by
 * {@link HumanInput} from face-api's recognition crop of demo face 0, equals the input TF.js makes with the library's own
 * steps ({@code human-models-reference/library}, made by {@code human-inputs.js} there), and the emotion network's
 * probabilities on it equal TF.js's (real weights).
 */
class HumanInputTest {
    private static final Raster CROP = FaceApiReference.crop(0, "recognition");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EMOTION, emotion", "MOBILEFACENET, mobilefacenet", "FACERES, faceres", "GEAR, gear"})
    void eachNetworksInputIsTheLibrarys(HumanModel model, String file) throws IOException {
        int size = switch (model) {
            case EMOTION -> 64;
            case MOBILEFACENET -> 112;
            case FACERES -> 224;
            default -> 198;
        };
        float[] mine = HumanInput.prepare(model.preparation(), CROP, size);
        float[] library = floats(file + "_input.f32");
        assertThat(mine).hasSameSizeAs(library);
        double worst = 0;
        for (int i = 0; i < mine.length; i++) {
            worst = Math.max(worst, Math.abs(mine[i] - library[i]));
        }
        double scale = model == HumanModel.FACERES ? 255 : 1;
        System.out.printf("%s input: largest difference %.2e (values up to %.0f)%n", file, worst, scale);
        assertThat(worst).isLessThan(1e-5 * scale);
    }

    @Test
    void theEmotionNetworksProbabilitiesAreTheLibrarys() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/human-models-reference/library/emotion_output.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        Expression[] order = {Expression.ANGRY, Expression.DISGUSTED, Expression.FEARFUL, Expression.HAPPY,
                Expression.SAD, Expression.SURPRISED, Expression.NEUTRAL};
        try (HumanEmotionNet net = HumanEmotionNet.open("human:emotion")) {
            ExpressionPrediction p = net.predict(List.of(CROP)).get(0);
            for (int k = 0; k < order.length; k++) {
                assertThat(p.probability(order[k])).as(order[k].label())
                        .isCloseTo((float) expected.get("probabilities").get(k).asDouble(), within(1e-5f));
            }
            System.out.println("human:emotion on demo face 0: " + p.top().label() + " "
                    + String.format("%.3f", p.probability(p.top())));
        }
    }

    private static float[] floats(String name) throws IOException {
        try (InputStream in = HumanInputTest.class.getResourceAsStream("/human-models-reference/library/" + name)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(values);
            return values;
        }
    }
}
