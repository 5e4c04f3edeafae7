package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A face-identification protocol (classification over the {@code identity} factor) through the command line: it validates,
 * and the identity network answers it through an identity readout trained on the same people's other expressions (real
 * weights, real H2 file), well above chance.
 */
class IdentityTaskCommandTest {
    private static final Pattern ACCURACY = Pattern.compile("accuracy (\\d\\.\\d{3}) \\((\\d+) of (\\d+)");
    private static final String PROTOCOL = """
            {"format": "tandem-protocol/1", "id": "who-is-it", "title": "Who is it",
             "stimulusSets": [{"name": "varied-faces"}],
             "task": {"kind": "classification", "factor": "identity", "input": "keys",
                      "labels": [{"label": "01", "key": "1"}, {"label": "02", "key": "2"}, {"label": "03", "key": "3"},
                                 {"label": "04", "key": "4"}]},
             "factors": [{"name": "identity", "levels": ["01", "02", "03", "04"]},
                         {"name": "expression", "levels": ["happy", "sad", "surprised"]}],
             "repetitions": 1, "blocks": [{"name": "main"}], "randomisation": {"order": "random"},
             "timing": {"fixation": {"ms": 500}, "stimulus": {"ms": 1000}, "iti": {"ms": 500}}}
            """;

    @Test
    void theIdentityNetworkNamesPeopleItLearntFromTheirOtherExpressions(@TempDir Path dir) throws Exception {
        Path protocol = dir.resolve("who.json");
        Files.writeString(protocol, PROTOCOL);
        CliRun validated = CliRun.of("protocol", "validate", protocol.toString());
        assertThat(validated.exitCode()).as(validated.out() + validated.err()).isZero();

        // the training folder: the same four people, only the expressions the trials do not show
        Path faces = dir.resolve("people");
        assertThat(CliRun.of("stimuli", "synth", "--identities", "4", "--out", faces.toString()).exitCode()).isZero();
        Path manifest = faces.resolve("manifest.csv");
        List<String> lines = Files.readAllLines(manifest);
        List<String> kept = lines.stream().filter(l -> l.startsWith("file,") || l.contains(",neutral,")
                || l.contains(",angry,") || l.contains(",disgusted,") || l.contains(",fearful,")).toList();
        assertThat(kept).hasSize(1 + 4 * 4);
        Files.write(manifest, kept);

        String observer = "faceapi:recognition?readout=logistic&labels=identity&cv=image&train=" + faces;
        CliRun run = CliRun.of("simulate", protocol.toString(), "--observer", observer, "--db",
                dir.resolve("t.mv.db").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Matcher m = ACCURACY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        System.out.println("who-is-it (4 people, 3 unseen expressions each): identity network readout " + m.group(1)
                + " (" + m.group(2) + " of " + m.group(3) + ", chance 0.250)");
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(12);
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.5);
    }
}
