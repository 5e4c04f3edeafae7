package org.tandem.observer.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * Reads a TF.js {@code <model>-weights_manifest.json} and its binary shards into float32 tensors, in manifest order.
 *
 * <p>Each group's shards are concatenated and its tensors follow one another with no padding. uint8-quantised tensors are
 * dequantised exactly as tfjs does: {@code q * scale + min} in double precision (scale and min as JSON doubles), then
 * stored as float32. Anything else (a missing field, another dtype, too few or too many bytes) is a damaged or foreign file
 * and is refused with a message naming the manifest. So is a weight holding NaN or an infinity (stored, or from a scale
 * or min so large that dequantising overflows float32): it would silently turn every output of the network into NaN.
 */
public final class TfjsWeightManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TfjsWeightManifest() {
    }

    /** The manifest file of {@code model} (e.g. {@code face_expression_model}) in {@code folder}. */
    public static Path manifestPath(Path folder, String model) {
        return folder.resolve(model + "-weights_manifest.json");
    }

    public static NamedWeights load(Path folder, String model) {
        Path manifest = manifestPath(folder, model);
        JsonNode groups;
        try {
            groups = JSON.readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw damaged(manifest, "cannot be read (" + e.getMessage() + ")", e);
        }
        return fromGroups(folder, manifest, groups);
    }

    /**
     * The weights of a manifest's groups, read from their shards in {@code folder}: the {@code weightsManifest} of a
     * TF.js graph model's {@code model.json} is the same list.
     *
     * @param manifest the file the groups come from, for messages
     */
    public static NamedWeights fromGroups(Path folder, Path manifest, JsonNode groups) {
        if (groups == null || !groups.isArray()) {
            throw damaged(manifest, "is not a JSON array of weight groups", null);
        }
        List<WeightTensor> tensors = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            readGroup(folder, manifest, g, groups.get(g), tensors);
        }
        return new NamedWeights(manifest.toString(), tensors);
    }

    private static void readGroup(Path folder, Path manifest, int index, JsonNode group, List<WeightTensor> out) {
        String where = "group " + index;
        JsonNode paths = group.path("paths");
        JsonNode weights = group.path("weights");
        if (!paths.isArray() || paths.isEmpty() || !weights.isArray()) {
            throw damaged(manifest, where + " needs a non-empty \"paths\" array and a \"weights\" array", null);
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<String> shards = new ArrayList<>();
        for (JsonNode p : paths) {
            shards.add(p.asText());
            Path shard = folder.resolve(p.asText()).normalize();
            if (!shard.startsWith(folder.normalize())) {
                throw damaged(manifest, where + " names a shard outside its folder: " + p.asText(), null);
            }
            try {
                joined.write(Files.readAllBytes(shard));
            } catch (IOException e) {
                throw damaged(manifest, where + ": shard " + shard + " cannot be read (" + e + ")", e);
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < weights.size(); w++) {
            WeightTensor tensor = readTensor(manifest, where, weights.get(w), bytes);
            requireFinite(manifest, where, String.join(", ", shards), tensor);
            out.add(tensor);
        }
        if (bytes.hasRemaining()) {
            throw damaged(manifest, where + ": " + bytes.remaining() + " bytes are left over after the last weight", null);
        }
    }

    private static WeightTensor readTensor(Path manifest, String group, JsonNode spec, ByteBuffer bytes) {
        String name = spec.path("name").asText(null);
        if (name == null) {
            throw damaged(manifest, group + " has a weight without a \"name\"", null);
        }
        String where = group + ", weight " + name;
        int[] shape = shape(manifest, where, spec.path("shape"));
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE) {
            throw damaged(manifest, where + " is too large", null);
        }
        String dtype = spec.path("dtype").asText("");
        JsonNode quantization = spec.path("quantization");
        float[] values = new float[(int) count];
        if (!quantization.isMissingNode()) {
            String qtype = quantization.path("dtype").asText("");
            if (!dtype.equals("float32")) {
                throw damaged(manifest, where + ": only float32 weights can be quantised, got " + dtype, null);
            }
            if (qtype.equals("float16")) {
                need(manifest, where, bytes, count * 2);
                for (int i = 0; i < values.length; i++) {
                    values[i] = HalfFloat.toFloat(bytes.getShort());
                }
            } else if (qtype.equals("uint8") || qtype.equals("uint16")) {
                if (!quantization.path("scale").isNumber() || !quantization.path("min").isNumber()) {
                    throw damaged(manifest, where + ": the quantisation needs numeric \"scale\" and \"min\"", null);
                }
                double scale = quantization.get("scale").asDouble();
                double min = quantization.get("min").asDouble();
                boolean wide = qtype.equals("uint16");
                need(manifest, where, bytes, wide ? count * 2 : count);
                for (int i = 0; i < values.length; i++) {
                    int q = wide ? bytes.getShort() & 0xFFFF : bytes.get() & 0xFF;
                    values[i] = (float) (q * scale + min);
                }
            } else {
                throw damaged(manifest, where + ": quantisation \"" + qtype + "\" is not supported (uint8, uint16,"
                        + " float16)", null);
            }
        } else if (dtype.equals("float32")) {
            need(manifest, where, bytes, count * 4);
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + values.length * 4);
        } else if (dtype.equals("int32")) {
            // shapes, axes and indices of graph models: small integers, exact as floats
            need(manifest, where, bytes, count * 4);
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getInt();
            }
        } else {
            throw damaged(manifest, where + ": dtype \"" + dtype + "\" is not supported (float32, int32, or quantised"
                    + " float32)", null);
        }
        return new WeightTensor(name, shape, values);
    }

    private static void requireFinite(Path manifest, String group, String shards, WeightTensor tensor) {
        float[] values = tensor.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw damaged(manifest, group + ", weight " + tensor.name() + " (in " + shards + ") holds " + values[i]
                        + " at element " + i + " of " + java.util.Arrays.toString(tensor.shape())
                        + "; a network cannot run on it", null);
            }
        }
    }

    private static int[] shape(Path manifest, String where, JsonNode node) {
        if (!node.isArray()) {
            throw damaged(manifest, where + " has no \"shape\" array", null);
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || d.asLong() <= 0 || d.asLong() > Integer.MAX_VALUE) {
                throw damaged(manifest, where + " has an invalid shape " + node, null);
            }
            shape[i] = d.asInt();
        }
        return shape;
    }

    private static void need(Path manifest, String where, ByteBuffer bytes, long count) {
        if (bytes.remaining() < count) {
            throw damaged(manifest, where + " needs " + count + " bytes but only " + bytes.remaining()
                    + " are left in the shards (truncated file?)", null);
        }
    }

    private static TandemException damaged(Path manifest, String what, Throwable cause) {
        return new TandemException("weights manifest " + manifest + ": " + what
                + "; the model files are damaged or not TF.js weights, run `tandem models fetch --force`", cause);
    }
}
