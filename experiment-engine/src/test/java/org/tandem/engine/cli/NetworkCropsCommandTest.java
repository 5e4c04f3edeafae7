package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.BuiltinProtocols;

/**
 * An image folder reaches a network through the face box by default, exactly as the built-in set does (real weights, real
 * H2 file): the six-way protocol on a folder drawn by {@code tandem stimuli synth} scores what the built-in set scores;
 * {@code "crop": "whole-image"} changes what the network sees, and the choice is stored with the session; a folder
 * without face boxes is refused before the first trial, with what to do.
 */
class NetworkCropsCommandTest {
    private static final Pattern ACCURACY = Pattern.compile("accuracy (\\d\\.\\d{3}) \\((\\d+) of (\\d+)");

    @Test
    void aFolderOfFacesIsSeenThroughItsFaceBoxUnlessTheProtocolSaysOtherwise(@TempDir Path dir) throws Exception {
        Path faces = dir.resolve("faces");
        assertThat(CliRun.of("stimuli", "synth", "--identities", "24", "--out", faces.toString()).exitCode()).isZero();
        String builtIn = BuiltinProtocols.resolve("expression-6way").json();
        Path faceBox = protocol(dir, "face-box.json", builtIn, "");
        Path whole = protocol(dir, "whole.json", builtIn, ", \"crop\": \"whole-image\"");
        Path aligned = protocol(dir, "landmarks.json", builtIn, ", \"crop\": \"landmarks\"");
        String db = dir.resolve("t.mv.db").toString();

        String reference = accuracy(CliRun.of("simulate", "expression-6way", "--observer", "faceapi:expression", "--db", db));
        CliRun folder = CliRun.of("simulate", faceBox.toString(), "--observer", "faceapi:expression", "--db", db);
        assertThat(folder.exitCode()).as(folder.err()).isZero();
        assertThat(accuracy(folder)).isEqualTo(reference);

        CliRun wholeImage = CliRun.of("simulate", whole.toString(), "--observer", "faceapi:expression", "--db", db);
        assertThat(wholeImage.exitCode()).as(wholeImage.err()).isZero();
        CliRun landmarks = CliRun.of("simulate", aligned.toString(), "--observer", "faceapi:expression", "--db", db);
        assertThat(landmarks.exitCode()).as(landmarks.err()).isZero();
        System.out.printf("expression-6way on varied-faces: built-in %s, folder through its face box %s, whole images %s,"
                + " landmark-aligned boxes %s%n", reference, accuracy(folder), accuracy(wholeImage), accuracy(landmarks));
        assertThat(accuracy(wholeImage)).isNotEqualTo(reference);
        assertThat(Double.parseDouble(accuracy(landmarks))).isGreaterThan(0.5);

        Path exported = dir.resolve("export");
        assertThat(CliRun.of("export", "--db", db, "--out", exported.toString()).exitCode()).isZero();
        String sessions = Files.readString(exported.resolve("sessions.csv"));
        assertThat(sessions).contains("\"\"crop:lab\"\":\"\"face-box\"\"").contains("\"\"crop:lab\"\":\"\"whole-image\"\"")
                .contains("\"\"crop:varied-faces\"\":\"\"face-box\"\"")
                .contains("\"\"crop:lab\"\":\"\"landmarks\"\"");

        Path manifest = faces.resolve("manifest.csv");
        List<String> withoutBoxes = Files.readAllLines(manifest).stream()
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 5))).toList();
        Files.write(manifest, withoutBoxes);
        CliRun refused = CliRun.of("simulate", faceBox.toString(), "--observer", "faceapi:expression", "--db", db);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("stimulus set 'lab'").contains("gives no face box for lab/")
                .contains("face_x, face_y, face_width, face_height").contains("\"crop\": \"whole-image\"")
                .doesNotContain("Exception");
    }

    private static Path protocol(Path dir, String name, String builtIn, String crop) throws Exception {
        String json = builtIn.replace("\"name\": \"varied-faces\"", "\"name\": \"lab\", \"path\": \"faces\"" + crop)
                .replace("\"id\": \"expression-6way\"", "\"id\": \"lab-6way\"");
        assertThat(json).contains("\"path\": \"faces\"");
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private static String accuracy(CliRun run) {
        Matcher m = ACCURACY.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }
}
