package org.tandem.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.StimulusEntry;

/**
 * A photo continuum protocol for tests: a copy of expression-2afc-happy-sad whose stimulus set is the folder
 * {@code continua/} next to it, named {@code kdef-continua} as a set of photographs would be. The folder is written by
 * {@code tandem stimuli continuum}, a stand-in for a photo continuum ({@code tandem stimuli morph} writes the same
 * manifest columns: file, identity, expression, continuum, level and the face box), so the tests need no photographs.
 */
final class PhotoContinua {
    static final String SET = "kdef-continua";

    private PhotoContinua() {
    }

    /** Writes the 21-level sad-happy continuum into {@code dir/continua} and returns the folder. */
    static Path continuum(Path dir) {
        Path folder = dir.resolve("continua");
        CliRun.ok("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "21", "--out",
                folder.toString());
        return folder;
    }

    /**
     * Writes {@code dir/ID.json}: the built-in protocol with its set replaced by the folder's manifest, showing identity
     * {@code average}, with the given mask (or none).
     */
    static Path protocol(Path dir, String id, String manifest, String mask) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode protocol = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-2afc-happy-sad").json());
            protocol.put("id", id);
            ObjectNode set = json.createObjectNode().put("name", SET).put("path", manifest).put("identity", "average");
            if (mask != null) {
                set.put("mask", mask);
            }
            protocol.putArray("stimulusSets").add(set);
            Path file = dir.resolve(id + ".json");
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(protocol));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The face box the manifest gives an entry. */
    static Rectangle2D faceBox(StimulusEntry entry) {
        return FaceBoxColumns.read(entry.attributes(), entry.file());
    }
}
