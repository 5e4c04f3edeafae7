package org.tandem.engine.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.data.ImportedSession;
import org.tandem.data.NewSession;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Turns the trial exports of another tool into human sessions: each participant's trial rows of a file become one
 * completed session whose stored plan is those trials in the order they were run, marked as imported (tool, file name,
 * its SHA-256 and the mapping, in the station facts and an {@code imported} event). A file already imported is refused;
 * all files are stored in one transaction, so an error anywhere stores nothing.
 */
public final class SessionImporter {
    /** Station facts that mark an imported session. */
    public static final String ORIGIN = "origin";
    public static final String TOOL = "import_tool";
    public static final String FILE = "import_file";
    public static final String SHA256 = "import_sha256";
    public static final String MAPPING = "import_mapping";

    private final ImportTool tool;
    private final BuiltinProtocols.Source source;
    private final Protocol protocol;
    private final ImportMapping mapping;
    private final String participantColumn;
    private final TrialTemplates templates;

    /** @param participantColumn the participant column, or null for the mapping's */
    public SessionImporter(ImportTool tool, BuiltinProtocols.Source source, Protocol protocol, ImportMapping mapping,
                           String participantColumn) {
        this.tool = tool;
        this.source = source;
        this.protocol = protocol;
        this.mapping = mapping;
        this.participantColumn = participantColumn != null ? participantColumn : mapping.participant();
        this.templates = new TrialTemplates(protocol);
        for (String factor : templates.factors()) {
            if (!mapping.factors().containsKey(factor)) {
                throw new TandemException("the mapping gives no column for factor '" + factor + "' of protocol "
                        + protocol.id() + "; add it under \"factors\"");
            }
        }
    }

    /** What was stored: one line per session. */
    public record Imported(String sessionId, String participant, String file, int trials) {
    }

    public List<Imported> importInto(TandemStore store, String study, List<Path> files) {
        List<ImportedSession> sessions = new ArrayList<>();
        List<Imported> lines = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path file : files) {
            String sha = sha256(file);
            Path twin = seen.putIfAbsent(sha, file);
            if (twin != null) {
                throw new TandemException(file + " has the same content as " + twin + "; give each file once");
            }
            refuseIfImported(store, file, sha);
            for (Map.Entry<String, List<ExportRows.Row>> participant : trialRows(file).entrySet()) {
                sessions.add(session(study, file, sha, participant.getKey(), participant.getValue()));
                lines.add(new Imported(null, participant.getKey(), file.getFileName().toString(),
                        participant.getValue().size()));
            }
        }
        List<String> ids = store.importSessions(sessions);
        List<Imported> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Imported l = lines.get(i);
            out.add(new Imported(ids.get(i), l.participant(), l.file(), l.trials()));
        }
        return out;
    }

    private static void refuseIfImported(TandemStore store, Path file, String sha) {
        List<SessionSummary> earlier = store.sessions().stream()
                .filter(s -> sha.equals(s.stationInfo().get(SHA256))).toList();
        if (!earlier.isEmpty()) {
            throw new TandemException(file + " was already imported into " + store.name() + " (SHA-256 "
                    + sha.substring(0, 12) + "…, " + earlier.size() + " session(s) of study '" + earlier.get(0).study()
                    + "'); nothing stored");
        }
    }

    /** The trial rows of a file by participant, in file order. */
    private Map<String, List<ExportRows.Row>> trialRows(Path file) {
        ExportRows.Table table = ExportRows.read(file);
        List<String> needed = new ArrayList<>(mapping.columns());
        needed.remove(mapping.participant());
        needed.add(0, participantColumn);
        for (String column : needed) {
            if (!table.columns().contains(column)) {
                throw new TandemException(file + ": no column '" + column + "' (the mapping reads it); the file's"
                        + " columns are " + String.join(", ", table.columns()));
            }
        }
        Map<String, List<ExportRows.Row>> byParticipant = new LinkedHashMap<>();
        for (ExportRows.Row row : table.rows()) {
            if (!mapping.isTrial(row.values())) {
                continue;
            }
            String code = row.values().getOrDefault(participantColumn, "").strip();
            try {
                TandemStore.checkParticipantCode(code);
            } catch (TandemException e) {
                throw located(file, row, participantColumn, e.getMessage());
            }
            byParticipant.computeIfAbsent(code, k -> new ArrayList<>()).add(row);
        }
        if (byParticipant.isEmpty()) {
            throw new TandemException(file + ": no trial rows" + (mapping.filterColumn() == null ? ""
                    : " (no row whose '" + mapping.filterColumn() + "' is " + (mapping.filterValues().isEmpty()
                    ? "filled" : "one of " + String.join(", ", mapping.filterValues())) + ")")
                    + "; check the mapping's \"filter\"");
        }
        return byParticipant;
    }

    private ImportedSession session(String study, Path file, String sha, String participant,
                                    List<ExportRows.Row> rows) {
        List<Trial> trials = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        Map<String, Integer> repeats = new LinkedHashMap<>();
        for (ExportRows.Row row : rows) {
            Trial template = template(file, row);
            String condition = template.id().replaceFirst("#\\d+$", "");
            int repeat = repeats.merge(condition, 1, Integer::sum);
            trials.add(new Trial(trials.size(), condition + "#" + repeat, template.block(), false, false, false,
                    template.levels(), template.stimuli(), template.correctAnswer()));
            responses.add(response(file, row));
        }
        String protocolSha = Planner.protocolSha256(protocol);
        TrialPlan plan = new TrialPlan(protocol.id(), protocolSha, null, 0, trials);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(ORIGIN, "import");
        facts.put(TOOL, tool.code());
        facts.put(FILE, file.getFileName().toString());
        facts.put(SHA256, sha);
        facts.put(MAPPING, mapping.canonicalJson());
        NewSession session = new NewSession(study, protocol.id(), source.json(), protocolSha, ObserverKind.HUMAN,
                tool.observerId(), participant, 0, null, plan, facts);
        try {
            return new ImportedSession(session, responses, new ObjectMapper().writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Trial template(Path file, ExportRows.Row row) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String factor : templates.factors()) {
            ImportMapping.FactorColumn column = mapping.factors().get(factor);
            String raw = row.values().get(column.column());
            String level = raw == null ? null : column.levelIn(raw.strip());
            if (level == null || level.isEmpty()) {
                throw located(file, row, column.column(), "no level of factor '" + factor + "' in '" + raw + "'");
            }
            if (mapping.levelsAsFraction() && templates.percent(factor)) {
                try {
                    level = new BigDecimal(level).movePointRight(2).toPlainString();
                } catch (NumberFormatException e) {
                    throw located(file, row, column.column(), "'" + level + "' is not a number (the mapping says"
                            + " levels are fractions)");
                }
            }
            levels.put(factor, level);
        }
        Trial template = templates.of(levels);
        if (template == null) {
            String factor = templates.factors().get(0);
            throw located(file, row, mapping.factors().get(factor).column(), "levels " + levels + " are not a"
                    + " condition of protocol " + protocol.id() + " (its " + factor + " levels: "
                    + templates.levelsOf(factor) + (mapping.levelsAsFraction() ? "" : "; if the file has fractions, set"
                    + " \"levels\": \"fraction\" in the mapping") + ")");
        }
        return template;
    }

    private Response response(Path file, ExportRows.Row row) {
        String raw = row.values().get(mapping.response());
        if (ImportMapping.isMissing(raw)) {
            return new Response(null, null, null, null);
        }
        raw = raw.strip();
        String label = mapping.responses().getOrDefault(raw, raw);
        List<String> labels = protocol.task().labels().stream().map(o -> o.label()).toList();
        if (!labels.contains(label)) {
            throw located(file, row, mapping.response(), "response '" + raw + "' is not one of the protocol's labels ("
                    + String.join(", ", labels) + "); map it under \"responses\" in the mapping");
        }
        Double rtMs = null;
        if (mapping.rt() != null && !ImportMapping.isMissing(row.values().get(mapping.rt()))) {
            String rt = row.values().get(mapping.rt()).strip();
            try {
                double value = Double.parseDouble(rt);
                if (!Double.isFinite(value) || value < 0) {
                    throw new NumberFormatException();
                }
                String unit = mapping.rtUnit() != null ? mapping.rtUnit() : tool.rtUnit();
                rtMs = unit.equals("s") ? value * 1000 : value;
            } catch (NumberFormatException e) {
                throw located(file, row, mapping.rt(), "response time '" + rt + "' is not a number of "
                        + (mapping.rtUnit() != null ? mapping.rtUnit() : tool.rtUnit()) + " at or above 0");
            }
        }
        return new Response(label, rtMs, null, null);
    }

    private static TandemException located(Path file, ExportRows.Row row, String column, String what) {
        return new TandemException(file + ": " + row.where() + ", column '" + column + "': " + what);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new TandemException("cannot read " + file + " (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
