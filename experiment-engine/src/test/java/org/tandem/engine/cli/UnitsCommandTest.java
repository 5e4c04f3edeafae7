package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem units} on the real face-api expression network and its untrained twin over the built-in readout faces
 * (24 identities × 6 expressions): the trained network's pooled features are mostly expression-selective, the twin's
 * hardly at all, and every unit is counted once.
 */
class UnitsCommandTest {
    @TempDir
    Path dir;

    @Test
    void theTrainedNetworksFeaturesAreExpressionSelectiveAndItsTwinsAreNot() throws Exception {
        Path out = dir.resolve("units");
        CliRun run = CliRun.of("units", "--model", "faceapi:expression", "--untrained", "--layers", "dense3,features",
                "--per-unit", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println(run.out());
        assertThat(run.out()).contains("two-way ANOVA per unit over 144 images of varied-faces-readout",
                "faceapi:expression:untrained?seed=1 (untrained)");

        List<String[]> rows = Files.readAllLines(out.resolve("units-summary.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        assertThat(rows).extracting(r -> r[0] + " " + r[2]).containsExactly("faceapi:expression dense3",
                "faceapi:expression features", "faceapi:expression:untrained?seed=1 dense3",
                "faceapi:expression:untrained?seed=1 features");
        for (String[] r : rows) {
            int units = Integer.parseInt(r[3]);
            int counted = Integer.parseInt(r[4]) + Integer.parseInt(r[5]) + Integer.parseInt(r[6])
                    + Integer.parseInt(r[7]) + Integer.parseInt(r[8]);
            assertThat(counted).as(r[0] + " " + r[2]).isEqualTo(units);
        }
        assertThat(Integer.parseInt(rows.get(0)[3])).isEqualTo(256 * 7 * 7);
        double trainedFeatures = Double.parseDouble(rows.get(1)[9]);
        double twinFeatures = Double.parseDouble(rows.get(3)[9]);
        assertThat(trainedFeatures).isGreaterThan(0.5);
        assertThat(twinFeatures).isLessThan(0.1);

        List<String> units = Files.readAllLines(out.resolve("units.csv"));
        assertThat(units).hasSize(1 + 2 * (12544 + 256));
        assertThat(units.get(0)).isEqualTo("network,layer,unit,f_identity,p_identity,f_expression,p_expression,"
                + "selectivity,preferred,tuning_angry,tuning_disgusted,tuning_fearful,tuning_happy,tuning_sad,"
                + "tuning_surprised");
        // the expression-selective pooled features prefer each of the six expressions
        String[] features = rows.get(1);
        int preferring = 0;
        for (int k = 11; k < 17; k++) {
            assertThat(Integer.parseInt(features[k])).as("prefer column " + k).isPositive();
            preferring += Integer.parseInt(features[k]);
        }
        assertThat(preferring).isEqualTo(Integer.parseInt(features[4]));
    }

    @Test
    void unitsJsonHoldsTheShuffledControlIdentityUnitsDecodingAndTuningMapsAndUnitsHtmlShowsThem() throws Exception {
        Path out = dir.resolve("json");
        CliRun run = CliRun.of("units", "--model", "faceapi:expression", "--shuffled", "--layers", "dense3,features",
                "--shuffles", "4", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode study = new ObjectMapper().readTree(out.resolve("units.json").toFile());
        assertThat(study.get("images").asInt()).isEqualTo(144);
        assertThat(study.get("identities").asInt()).isEqualTo(24);
        JsonNode layers = study.get("layers");
        assertThat(layers).hasSize(4);
        JsonNode shuffled = layers.get(2);
        assertThat(shuffled.get("network").asText()).isEqualTo("faceapi:expression?shuffle=all&seed=1");
        assertThat(shuffled.get("controlOf").asText()).isEqualTo("faceapi:expression");
        assertThat(shuffled.get("trainedFor").asText()).isEqualTo("expression, weights shuffled");
        JsonNode features = layers.get(1);
        // the tuning map groups every expression-selective unit by its preference
        int grouped = 0;
        for (JsonNode g : features.get("tuningMap").get("groupSizes")) {
            grouped += g.asInt();
        }
        assertThat(grouped).isEqualTo(features.get("expressionSelective").asInt());
        JsonNode identity = features.get("identity");
        assertThat(identity.get("singleIdentity").asInt() + identity.get("multipleIdentity").asInt())
                .isLessThanOrEqualTo(identity.get("selective").asInt());
        JsonNode decoding = features.get("decoding");
        assertThat(decoding.get("chance").asDouble()).isCloseTo(1 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(decoding.get("selective").get("folds").asInt()).isEqualTo(24);
        assertThat(decoding.get("selective").get("mean").asDouble()).isGreaterThan(0.6);
        assertThat(decoding.get("shuffled").get("mean").asDouble()).isLessThan(0.3);
        assertThat(decoding.get("shuffled").get("folds").asInt()).isEqualTo(4 * 24);
        assertThat(decoding.get("mannWhitneyP").asDouble()).isLessThan(1e-6);
        String html = Files.readString(out.resolve("units.html"));
        assertThat(html).contains("Selective units inside the networks", "Tuning maps", "Expression decoded from the"
                + " units", "<svg").doesNotContain("NaN");
    }

    @Test
    void aSetWithoutOneImagePerCellOrABadAlphaIsOneLine() {
        CliRun alpha = CliRun.of("units", "--model", "faceapi:expression", "--alpha", "1.5", "--out", dir.toString());
        assertThat(alpha.exitCode()).isNotZero();
        assertThat(alpha.err().strip()).isEqualTo("tandem: --alpha and --alpha-identity must lie between 0 and 1");
        CliRun pool = CliRun.of("units", "--model", "faceapi:expression", "--pool", "max", "--out", dir.toString());
        assertThat(pool.err().strip()).isEqualTo("tandem: --pool 'max' is not known; use mean or none");
    }
}
