package org.tandem.observer.usermodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.testing.UserModelFixtures;
import org.tandem.protocols.TandemException;

/** Every card mistake is reported as one line naming the card file and the field. */
class ModelCardErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void missingModelFile() throws IOException {
        ObjectNode card = validCard("tiny.pt", "torchscript");
        card.put("file", "no-such-model.pt");
        assertError(card, "field 'file': model file ", "no-such-model.pt is missing or unreadable");
    }

    @Test
    void unreadableModelFileIsReportedAsTheFile() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.pt"), "not a model");
        ObjectNode card = validCard("tiny.pt", "torchscript");
        card.put("file", garbage.getFileName().toString());
        assertError(card, "field 'file': cannot load ", "as torchscript");
    }

    @Test
    void unknownFormat() throws IOException {
        assertError(validCard("tiny.pt", "tensorflow"), "field 'format': unknown format 'tensorflow'");
    }

    @Test
    void sizeTheModelRejects() throws IOException {
        for (String[] model : new String[][] {{"tiny.pt", "torchscript"}, {"tiny.onnx", "onnx"}}) {
            ObjectNode card = validCard(model[0], model[1]);
            ((ObjectNode) card.get("input")).putArray("size").add(32).add(32);
            assertError(card, "field 'input.size': the model rejects a ", "32, 32");
        }
    }

    @Test
    void labelCountNotTheOutputWidth() throws IOException {
        ObjectNode card = validCard("tiny.onnx", "onnx");
        card.putArray("labels").add("cat").add("dog");
        assertError(card, "field 'labels': 2 labels, but the model's last output has 4 values");
    }

    @Test
    void unknownDefaultLayer() throws IOException {
        ObjectNode card = validCard("tiny.pt", "torchscript");
        card.put("default_layer", "pool5");
        assertError(card, "field 'default_layer': unknown layer 'pool5'");
    }

    @Test
    void featureIndexPastTheOutputs() throws IOException {
        ObjectNode card = validCard("tiny.pt", "torchscript");
        ((ObjectNode) card.get("features")).put("extra", 3);
        assertError(card, "field 'features.extra': output index 3, but the model has 3 output(s)");
    }

    @Test
    void misspelledField() throws IOException {
        ObjectNode card = validCard("tiny.pt", "torchscript");
        card.put("lables", "x");
        assertError(card, "field 'lables': unknown field");
    }

    @Test
    void unknownLayerAskedOfAnOpenModel() throws IOException {
        Path file = write(validCard("tiny.pt", "torchscript"));
        try (UserModel model = UserModels.openModel("card:" + file)) {
            assertThatThrownBy(() -> model.activations(List.of(UserModelFixtures.image("exact.png")), "fc7"))
                    .isInstanceOf(TandemException.class)
                    .hasMessage("network card:" + file + " offers no layer 'fc7'; its layers are conv, embedding, logits");
        }
    }

    @Test
    void withoutFeaturesEveryOutputIsOffered() throws IOException {
        ObjectNode card = validCard("tiny.onnx", "onnx");
        card.remove("features");
        card.remove("default_layer");
        try (UserModel model = UserModels.openModel("card:" + write(card))) {
            assertThat(model.layers()).containsExactly("output0", "output1", "output2");
            assertThat(model.defaultLayer()).isEqualTo("output0");
        }
    }

    private void assertError(ObjectNode card, String... parts) throws IOException {
        Path file = write(card);
        assertThatThrownBy(() -> UserModels.open("card:" + file).close())
                .isInstanceOf(TandemException.class)
                .hasMessageStartingWith("model card " + file + ", ")
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** The fixture card for {@code model}, its file made absolute so the card can live in the temporary folder. */
    private ObjectNode validCard(String model, String format) throws IOException {
        String fixture = model.endsWith(".pt") ? "tiny-torchscript.json" : "tiny-onnx.json";
        ObjectNode card = (ObjectNode) JSON.readTree(UserModelFixtures.file(fixture).toFile());
        card.put("file", UserModelFixtures.file(model).toString());
        card.put("format", format);
        return card;
    }

    private Path write(ObjectNode card) throws IOException {
        Path file = dir.resolve("card.json");
        JSON.writeValue(file.toFile(), card);
        return file;
    }
}
