package org.tandem.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.PlanningException;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.validation.ProtocolChecks;

/**
 * Finds protocols by built-in name or file path. The built-in protocols ship as resources and refer to the built-in
 * synthetic face set, so they run on any machine without further files.
 */
public final class BuiltinProtocols {
    /** The three tasks the demo runs every network on. */
    public static final List<String> DEMO = List.of("expression-2afc-happy-sad", "expression-6way", "expression-abx");
    /** Ying et al.'s feature masks: the two-AFC with the eyes, the nose or the mouth covered (baseline: the unmasked). */
    public static final List<String> MASKED = List.of("expression-2afc-happy-sad-mask-eyes",
            "expression-2afc-happy-sad-mask-nose", "expression-2afc-happy-sad-mask-mouth");
    /** The built-in protocols, in the order they are listed. */
    public static final List<String> NAMES = java.util.stream.Stream.concat(DEMO.stream(), MASKED.stream()).toList();

    private BuiltinProtocols() {
    }

    /** A protocol document with its text and where it came from. */
    public record Source(String name, String json) {
        public Protocol read() {
            return ProtocolReader.read(json, name);
        }

        /** Reads with everything that can be known before a session ({@link ProtocolReader#readForSession}). */
        public Protocol readForSession(StimulusVocabulary vocabulary) {
            return ProtocolReader.readForSession(json, name, vocabulary);
        }

        /**
         * Plans a protocol read from this source; a design the planner cannot order (two run-length limits together) is
         * reported at its place in this file.
         */
        public TrialPlan plan(Protocol protocol, String variant, long seed) {
            try {
                return Planner.plan(protocol, variant, seed);
            } catch (PlanningException e) {
                throw ProtocolChecks.problemAt(json, name, e.pointer(), e.getMessage());
            }
        }
    }

    /**
     * A path to an existing file wins over a built-in name; anything else must be a built-in name. A folder is named as
     * such, since "not found" would send the user looking for a file that is there.
     */
    public static Source resolve(String fileOrName) {
        Path path = pathOrNull(fileOrName);
        if (path != null && Files.isRegularFile(path)) {
            return new Source(fileOrName, ProtocolFileText.read(path, fileOrName));
        }
        if (NAMES.contains(fileOrName)) {
            return new Source(fileOrName, builtinText(fileOrName));
        }
        if (path != null && Files.isDirectory(path)) {
            throw new TandemException(fileOrName + " is a folder, not a protocol file; give the protocol's JSON file"
                    + " (e.g. " + path.resolve("protocol.json") + ") or a built-in name (see: tandem protocol list)");
        }
        throw notFound(fileOrName);
    }

    /** The path the text names, or null where it cannot name one (e.g. it contains a NUL character). */
    private static Path pathOrNull(String fileOrName) {
        try {
            return Path.of(fileOrName);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static TandemException notFound(String fileOrName) {
        return new TandemException("no protocol file or built-in protocol named '" + fileOrName
                + "'; built-in protocols: " + String.join(", ", NAMES) + " (see: tandem protocol list)");
    }

    private static String builtinText(String name) {
        String resource = "/org/tandem/protocols/builtin/" + name + ".json";
        try (InputStream in = BuiltinProtocols.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in protocol missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
