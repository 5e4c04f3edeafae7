package org.tandem.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.record.TrialRecord;

/**
 * Writes the tidy export: {@code trials.csv|json} (one row per trial, the same columns for people and networks),
 * {@code sessions.csv|json} (one row per session) and {@code events.csv|json} (one row per event: {@link EventTable}) into a directory. Participant demographics are left out unless asked
 * for. Files appear only complete: both are written to temporary files first and moved into place at the end.
 */
public final class TidyExport {
    private static final Logger LOG = LoggerFactory.getLogger(TidyExport.class);
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
    private static final ObjectWriter JSON = StoreJson.mapper().writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private TidyExport() {
    }

    public enum Format {
        CSV, JSON;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code csv} or {@code json}, any case. */
        public static Format fromName(String name) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new TandemException("unknown export format '" + name + "'; use csv or json");
        }
    }

    /**
     * @param outputDir           where {@code trials.<ext>} and {@code sessions.<ext>} are written (created if missing;
     *                            existing files of those names are replaced)
     * @param format              CSV or JSON
     * @param filter              which sessions to export
     * @param includeDemographics add age, sex and handedness after the participant code
     */
    public record Options(Path outputDir, Format format, SessionFilter filter, boolean includeDemographics) {
        public Options {
            Objects.requireNonNull(outputDir, "outputDir");
            Objects.requireNonNull(format, "format");
            filter = filter == null ? SessionFilter.all() : filter;
        }

        public static Options of(Path outputDir, Format format) {
            return new Options(outputDir, format, SessionFilter.all(), false);
        }

        public Options withFilter(SessionFilter newFilter) {
            return new Options(outputDir, format, newFilter, includeDemographics);
        }

        public Options withDemographics(boolean include) {
            return new Options(outputDir, format, filter, include);
        }
    }

    /** The files written and their row counts. */
    public record Result(Path trialsFile, Path sessionsFile, Path eventsFile, int trialRows, int sessionRows,
                         int eventRows) {
    }

    public static Result export(TandemStore store, Options options) {
        store.checkFilter(options.filter());
        List<SessionSummary> sessions = store.sessions(options.filter());
        List<TrialRecord> trials = store.trials(options.filter());
        Map<String, SessionSummary> byId = sessions.stream()
                .collect(Collectors.toMap(SessionSummary::sessionId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        TidyTable.DemographicsLookup demographics = options.includeDemographics()
                ? new TidyTable.DemographicsLookup(true, store::demographics)
                : TidyTable.DemographicsLookup.excluded();
        TidyTable trialTable = TidyTable.trials(trials, byId, demographics);
        TidyTable sessionTable = TidyTable.sessions(sessions, demographics);
        Map<String, List<SessionEvent>> events = new LinkedHashMap<>();
        for (SessionSummary s : sessions) {
            events.put(s.sessionId(), store.events(s.sessionId()));
        }
        TidyTable eventTable = EventTable.of(byId, events, trials);

        Path dir = options.outputDir().toAbsolutePath();
        Path trialsFile = dir.resolve("trials." + options.format().extension());
        Path sessionsFile = dir.resolve("sessions." + options.format().extension());
        Path eventsFile = dir.resolve("events." + options.format().extension());
        prepareDirectory(dir, trialsFile, sessionsFile, eventsFile);
        List<Path> temporary = new ArrayList<>();
        try {
            Path trialsTemp = write(trialTable, options.format(), dir, trialsFile, temporary);
            Path sessionsTemp = write(sessionTable, options.format(), dir, sessionsFile, temporary);
            Path eventsTemp = write(eventTable, options.format(), dir, eventsFile, temporary);
            move(trialsTemp, trialsFile);
            move(sessionsTemp, sessionsFile);
            move(eventsTemp, eventsFile);
        } finally {
            for (Path t : temporary) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    LOG.warn("cannot delete temporary export file {}: {}", t, e.getMessage());
                }
            }
        }
        LOG.info("exported {} trials of {} sessions to {}", trialTable.rows().size(), sessionTable.rows().size(), dir);
        return new Result(trialsFile, sessionsFile, eventsFile, trialTable.rows().size(), sessionTable.rows().size(),
                eventTable.rows().size());
    }

    private static void prepareDirectory(Path dir, Path... targets) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TandemException("cannot create export directory " + dir + " (" + e.getMessage()
                    + "); choose another output directory", e);
        }
        for (Path target : targets) {
            if (Files.isDirectory(target)) {
                throw new TandemException("cannot write " + target + ": a directory of that name is in the way; move it or"
                        + " choose another output directory");
            }
        }
    }

    private static Path write(TidyTable table, Format format, Path dir, Path target, List<Path> temporary) {
        try {
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            temporary.add(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                if (format == Format.CSV) {
                    writeCsv(table, out);
                } else {
                    writeJson(table, out);
                }
            }
            return temp;
        } catch (IOException e) {
            throw new TandemException("cannot write " + target + " (" + e.getMessage()
                    + "); check free space and permissions of the output directory", e);
        }
    }

    private static void writeCsv(TidyTable table, Writer out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(table.columns());
            List<String> cells = new ArrayList<>(table.columns().size());
            for (Map<String, Object> row : table.rows()) {
                cells.clear();
                for (String column : table.columns()) {
                    cells.add(csvText(row.get(column)));
                }
                printer.printRecord(cells);
            }
        }
    }

    private static String csvText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof JsonNode node) {
            return StoreJson.write(node);
        }
        return value.toString();
    }

    private static void writeJson(TidyTable table, Writer out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartArray();
            for (Map<String, Object> row : table.rows()) {
                generator.writeStartObject();
                for (String column : table.columns()) {
                    generator.writeFieldName(column);
                    JSON.writeValue(generator, row.get(column));
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeRaw('\n');
        }
    }

    private static void move(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TandemException("cannot move the export into " + target + " (" + e.getMessage()
                    + "); check permissions of the output directory", e);
        }
    }
}
