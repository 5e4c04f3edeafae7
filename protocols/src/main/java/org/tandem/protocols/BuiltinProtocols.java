package org.tandem.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds protocols by built-in name or file path. The built-in protocols ship as resources and refer to the built-in
 * synthetic face set, so they run on any machine without further files.
 */
public final class BuiltinProtocols {
    /** The built-in protocols, in the order they are listed. */
    public static final List<String> NAMES = List.of("expression-2afc-happy-sad", "expression-6way", "expression-abx");

    private BuiltinProtocols() {
    }

    /** A protocol document with its text and where it came from. */
    public record Source(String name, String json) {
        public Protocol read() {
            return ProtocolReader.read(json, name);
        }
    }

    /** A path to an existing file wins over a built-in name; anything else must be a built-in name. */
    public static Source resolve(String fileOrName) {
        Path path = Path.of(fileOrName);
        if (Files.isRegularFile(path)) {
            try {
                return new Source(fileOrName, Files.readString(path, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw notFound(fileOrName);
            } catch (IOException e) {
                throw new TandemException(fileOrName + ": cannot read protocol file (" + e.getMessage() + ")", e);
            }
        }
        if (NAMES.contains(fileOrName)) {
            return new Source(fileOrName, builtinText(fileOrName));
        }
        throw notFound(fileOrName);
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
