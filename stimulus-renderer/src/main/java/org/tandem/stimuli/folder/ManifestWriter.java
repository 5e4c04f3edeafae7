package org.tandem.stimuli.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;

/**
 * Writes a manifest ({@link ManifestFormat}) next to the images it names, so that a folder of generated images is itself a
 * stimulus set. Columns: file, identity, expression, continuum, level, then the entries' attributes in the order they
 * first appear (empty where an entry has none). The file appears complete or not at all: it is written to a hidden
 * temporary file and moved into place.
 */
public final class ManifestWriter {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {
    }

    /**
     * Writes {@code folder/manifest.csv} or {@code folder/manifest.json}, replacing one that is there.
     *
     * @return the manifest's path
     * @throws IllegalArgumentException when the entries could not be read back as a set (a file outside the folder, two
     *                                  files for one stimulus)
     * @throws TandemException          when the file cannot be written
     */
    public static Path write(Path folder, List<StimulusEntry> entries, ManifestFormat format) {
        check(entries);
        Path manifest = folder.resolve(format.fileName());
        List<String> attributes = attributeNames(entries);
        StringBuilder text = new StringBuilder();
        try {
            if (format == ManifestFormat.CSV) {
                writeCsv(text, entries, attributes);
            } else {
                writeJson(text, entries);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        writeAtomically(manifest, text.toString());
        return manifest;
    }

    private static void writeCsv(StringBuilder out, List<StimulusEntry> entries, List<String> attributes)
            throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            List<String> header = new ArrayList<>(ManifestFormat.FIELDS);
            header.addAll(attributes);
            printer.printRecord(header);
            for (StimulusEntry entry : entries) {
                StimulusRef ref = entry.ref();
                List<String> row = new ArrayList<>(List.of(entry.file(), ref.identity(), orEmpty(ref.expression()),
                        orEmpty(ref.continuum()), orEmpty(ref.level())));
                for (String attribute : attributes) {
                    row.add(entry.attributes().getOrDefault(attribute, ""));
                }
                printer.printRecord(row);
            }
        }
    }

    private static void writeJson(StringBuilder out, List<StimulusEntry> entries) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (StimulusEntry entry : entries) {
            StimulusRef ref = entry.ref();
            ObjectNode object = array.addObject();
            object.put(ManifestFormat.FILE, entry.file());
            object.put(ManifestFormat.IDENTITY, ref.identity());
            if (ref.expression() != null) {
                object.put(ManifestFormat.EXPRESSION, ref.expression());
            } else {
                object.put(ManifestFormat.CONTINUUM, ref.continuum());
                object.put(ManifestFormat.LEVEL, ref.level());
            }
            entry.attributes().forEach(object::put);
        }
        out.append(JSON.writeValueAsString(array)).append('\n');
    }

    private static void check(List<StimulusEntry> entries) {
        Map<StimulusRef, String> seen = new HashMap<>();
        for (StimulusEntry entry : entries) {
            String file = entry.file();
            if (file.isBlank() || file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")) {
                throw new IllegalArgumentException("manifest file names are relative paths with / inside the folder, got '"
                        + file + "'");
            }
            String before = seen.put(withoutSet(entry.ref()), file);
            if (before != null) {
                throw new IllegalArgumentException("two files for " + entry.ref().id() + ": " + before + " and " + file);
            }
            for (String attribute : entry.attributes().keySet()) {
                if (ManifestFormat.FIELDS.contains(attribute.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("attribute '" + attribute + "' of " + file
                            + " would shadow a manifest column");
                }
            }
        }
    }

    private static StimulusRef withoutSet(StimulusRef ref) {
        return new StimulusRef("", ref.identity(), ref.expression(), ref.continuum(), ref.level());
    }

    private static List<String> attributeNames(List<StimulusEntry> entries) {
        Set<String> names = new LinkedHashSet<>();
        for (StimulusEntry entry : entries) {
            names.addAll(entry.attributes().keySet());
        }
        return List.copyOf(names);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void writeAtomically(Path target, String text) {
        Path temp = null;
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(text);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new TandemException("cannot write manifest " + target + " (" + e.getMessage() + "); check that the"
                    + " folder is writable and the disk is not full", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that failure is the one to report
                }
            }
        }
    }
}
