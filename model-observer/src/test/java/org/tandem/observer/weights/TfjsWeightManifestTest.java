package org.tandem.observer.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.protocols.TandemException;

class TfjsWeightManifestTest {
    @TempDir
    Path dir;

    @Test
    void readsFloat32AndDequantisesUint8InManifestOrder() throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(3 * 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(1.5f).putFloat(-2f).putFloat(0.25f);
        bin.put((byte) 0).put((byte) 1).put((byte) 128).put((byte) 255);
        Files.write(dir.resolve("m.bin"), bin.array());
        Files.writeString(dir.resolve("m-weights_manifest.json"), """
                [{"paths": ["m.bin"], "weights": [
                  {"name": "z/first", "shape": [3], "dtype": "float32"},
                  {"name": "a/second", "shape": [2, 2], "dtype": "float32",
                   "quantization": {"dtype": "uint8", "scale": 0.1, "min": -0.3}}]}]
                """);

        NamedWeights w = TfjsWeightManifest.load(dir, "m");

        assertThat(w.all()).extracting(WeightTensor::name).containsExactly("z/first", "a/second");
        assertThat(w.get("z/first", 3).values()).containsExactly(1.5f, -2f, 0.25f);
        assertThat(w.get("a/second", 2, 2).values()).containsExactly(
                (float) (0 * 0.1 + -0.3), (float) (1 * 0.1 + -0.3), (float) (128 * 0.1 + -0.3), (float) (255 * 0.1 + -0.3));
    }

    @Test
    void readsUint16AndFloat16QuantisationAndInt32() throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(2 * 2 + 3 * 2 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        bin.putShort((short) 0).putShort((short) 65535);
        // half precision: 1.0, -2.5, and the smallest subnormal 2^-24
        bin.putShort((short) 0x3C00).putShort((short) 0xC100).putShort((short) 0x0001);
        bin.putInt(-1).putInt(7);
        Files.write(dir.resolve("m.bin"), bin.array());
        Files.writeString(dir.resolve("m-weights_manifest.json"), """
                [{"paths": ["m.bin"], "weights": [
                  {"name": "wide", "shape": [2], "dtype": "float32",
                   "quantization": {"dtype": "uint16", "scale": 0.5, "min": -1}},
                  {"name": "half", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16"}},
                  {"name": "axes", "shape": [2], "dtype": "int32"}]}]
                """);

        NamedWeights w = TfjsWeightManifest.load(dir, "m");

        assertThat(w.get("wide", 2).values()).containsExactly(-1f, (float) (65535 * 0.5 - 1));
        assertThat(w.get("half", 3).values()).containsExactly(1f, -2.5f, 0x1.0p-24f);
        assertThat(w.get("axes", 2).values()).containsExactly(-1f, 7f);
    }

    @Test
    void aTruncatedShardIsRefused() throws IOException {
        Files.write(dir.resolve("m.bin"), new byte[8]);
        Files.writeString(dir.resolve("m-weights_manifest.json"),
                "[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [3], \"dtype\": \"float32\"}]}]");
        assertThatThrownBy(() -> TfjsWeightManifest.load(dir, "m"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("m-weights_manifest.json")
                .hasMessageContaining("weight w needs 12 bytes but only 8")
                .hasMessageContaining("tandem models fetch --force");
    }

    @Test
    void leftOverBytesAreRefused() throws IOException {
        Files.write(dir.resolve("m.bin"), new byte[16]);
        Files.writeString(dir.resolve("m-weights_manifest.json"),
                "[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [3], \"dtype\": \"float32\"}]}]");
        assertThatThrownBy(() -> TfjsWeightManifest.load(dir, "m")).hasMessageContaining("4 bytes are left over");
    }

    @Test
    void aWeightHoldingNaNIsRefusedWithItsNameAndFile() throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(5 * 4).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(0.5f).putFloat(1f).putFloat(-1f).putFloat(Float.NaN).putFloat(2f);
        Files.write(dir.resolve("m.bin"), bin.array());
        Files.writeString(dir.resolve("m-weights_manifest.json"), """
                [{"paths": ["m.bin"], "weights": [
                  {"name": "conv0/bias", "shape": [2], "dtype": "float32"},
                  {"name": "conv1/filters", "shape": [1, 3], "dtype": "float32"}]}]
                """);
        assertThatThrownBy(() -> TfjsWeightManifest.load(dir, "m"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(dir.resolve("m-weights_manifest.json").toString())
                .hasMessageContaining("weight conv1/filters (in m.bin) holds NaN at element 1 of [1, 3]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aQuantisedWeightThatDequantisesToInfinityIsRefused() throws IOException {
        Files.write(dir.resolve("m.bin"), new byte[] {0, 1, (byte) 255});
        Files.writeString(dir.resolve("m-weights_manifest.json"), """
                [{"paths": ["m.bin"], "weights": [{"name": "fc/weights", "shape": [3], "dtype": "float32",
                  "quantization": {"dtype": "uint8", "scale": 1e300, "min": 0}}]}]
                """);
        assertThatThrownBy(() -> TfjsWeightManifest.load(dir, "m"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("weight fc/weights (in m.bin) holds Infinity at element 1 of [3]");
    }

    @Test
    void malformedManifestsSayWhatIsWrong() throws IOException {
        Files.write(dir.resolve("m.bin"), new byte[4]);
        assertRefused("{\"not\": \"an array\"}", "is not a JSON array of weight groups");
        assertRefused("[{\"weights\": []}]", "group 0 needs a non-empty \"paths\" array");
        assertRefused("[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"dtype\": \"float32\"}]}]",
                "group 0, weight w has no \"shape\" array");
        assertRefused("[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [0], \"dtype\": \"float32\"}]}]",
                "invalid shape [0]");
        assertRefused("[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [1], \"dtype\": \"float16\"}]}]",
                "dtype \"float16\" is not supported");
        assertRefused("[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [4], \"dtype\": \"float32\","
                + " \"quantization\": {\"dtype\": \"int4\", \"scale\": 1, \"min\": 0}}]}]", "quantisation \"int4\" is not"
                + " supported");
        assertRefused("[{\"paths\": [\"../m.bin\"], \"weights\": []}]", "names a shard outside its folder");
        assertRefused("[{\"paths\": [\"missing.bin\"], \"weights\": []}]", "cannot be read");
        assertRefused("[{\"paths\": [", "cannot be read");
    }

    @Test
    void aMissingWeightOrAWrongShapeNamesTheWeight() throws IOException {
        Files.write(dir.resolve("m.bin"), new byte[12]);
        Files.writeString(dir.resolve("m-weights_manifest.json"),
                "[{\"paths\": [\"m.bin\"], \"weights\": [{\"name\": \"w\", \"shape\": [3], \"dtype\": \"float32\"}]}]");
        NamedWeights w = TfjsWeightManifest.load(dir, "m");
        assertThatThrownBy(() -> w.get("w", 1, 3)).isInstanceOf(TandemException.class)
                .hasMessageContaining("weight w has shape [3] but the network needs [1, 3]");
        assertThatThrownBy(() -> w.get("v", 3)).isInstanceOf(TandemException.class).hasMessageContaining("has no weight v");
    }

    @Test
    void readsTheRealExpressionModel() {
        NamedWeights w = TfjsWeightManifest.load(FaceApiModels.folder(), "face_expression_model");
        assertThat(w.all()).hasSize(49);
        assertThat(w.all().get(0).name()).isEqualTo("dense0/conv0/filters");
        assertThat(w.get("fc/weights", 256, 7).values()).hasSize(1792);
    }

    private void assertRefused(String manifest, String message) throws IOException {
        Files.writeString(dir.resolve("m-weights_manifest.json"), manifest);
        assertThatThrownBy(() -> TfjsWeightManifest.load(dir, "m"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(message);
    }
}
