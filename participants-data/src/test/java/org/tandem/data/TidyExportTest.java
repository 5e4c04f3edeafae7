package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

class TidyExportTest {
    private static final long SEED = 21;
    private static final int TRIALS = 6;
    private static final List<String> LEADING = List.of("study", "session_id", "protocol_id", "protocol_sha256", "variant",
            "observer_kind", "observer_id", "participant", "seed", "session_status", "plan_index", "trial_id", "block",
            "practice", "level_happiness_a", "level_happiness_b", "level_x", "stimuli", "correct_answer", "response", "correct", "rt_ms", "onset_ms",
            "offset_ms", "frames_requested", "frames_shown", "missed_frames", "missed_flag", "timing_ok", "timing_faults",
            "requested_ms", "shown_ms", "run_segment", "answer_opens_ms", "screens", "output", "recorded_at");

    @TempDir
    Path dir;
    private TandemStore store;
    private String human;
    private String model;
    private String other;
    private final TrialPlan plan = Fixtures.plan(SEED);

    @BeforeEach
    void setUp() {
        store = Fixtures.open(dir.resolve("db").resolve("tandem.mv.db"));
        store.ensureParticipant("P001", new Demographics(34, "nonbinary", "ambidextrous"));
        human = store.startSession(Fixtures.human("main-study", "P001", SEED));
        model = store.startSession(Fixtures.model("main-study", SEED));
        other = store.startSession(Fixtures.model("other-study", SEED));
        for (int i = 0; i < TRIALS; i++) {
            Trial t = plan.trial(i);
            store.commitTrial(human, t, Fixtures.humanResponse(t));
            store.commitTrial(model, t, Fixtures.modelResponse(t));
        }
        store.commitTrial(other, plan.trial(0), Fixtures.modelResponse(plan.trial(0)));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        store.close();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
            return parser.getRecords();
        }
    }

    private static List<String> header(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
            return parser.getHeaderNames();
        }
    }

    @Test
    void humanAndModelSessionsExportTheSameColumns() throws IOException {
        Path humanDir = dir.resolve("human");
        Path modelDir = dir.resolve("model");
        TidyExport.export(store, TidyExport.Options.of(humanDir, TidyExport.Format.CSV)
                .withFilter(SessionFilter.session(human)));
        TidyExport.export(store, TidyExport.Options.of(modelDir, TidyExport.Format.CSV)
                .withFilter(SessionFilter.session(model)));
        assertThat(header(humanDir.resolve("trials.csv"))).containsExactlyElementsOf(LEADING);
        assertThat(header(modelDir.resolve("trials.csv"))).containsExactlyElementsOf(LEADING);
        assertThat(header(humanDir.resolve("sessions.csv"))).isEqualTo(header(modelDir.resolve("sessions.csv")));

        CSVRecord h = csv(humanDir.resolve("trials.csv")).get(0);
        assertThat(h.get("observer_kind")).isEqualTo("human");
        assertThat(h.get("participant")).isEqualTo("P001");
        assertThat(h.get("plan_index")).isEqualTo("0");
        assertThat(h.get("rt_ms")).isEqualTo("400.25");
        assertThat(h.get("onset_ms")).isEqualTo("5000");
        assertThat(h.get("offset_ms")).isEqualTo("5750.000456");
        assertThat(h.get("frames_shown")).isEqualTo("45");
        assertThat(h.get("missed_flag")).isEqualTo("false");
        assertThat(h.get("output")).isEmpty();
        assertThat(h.get("stimuli")).matches("A=varied-faces/average/[^;]+;B=[^;]+;X=[^;]+");
        assertThat(h.get("level_happiness_a")).isEqualTo(plan.trial(0).levels().get("happiness_a"));
        assertThat(h.get("level_x")).isEqualTo(plan.trial(0).levels().get("x"));
        assertThat(h.get("practice")).isEqualTo(String.valueOf(plan.trial(0).practice()));

        CSVRecord m = csv(modelDir.resolve("trials.csv")).get(0);
        assertThat(m.get("observer_kind")).isEqualTo("model");
        assertThat(m.get("participant")).isEmpty();
        assertThat(m.get("rt_ms")).isEmpty();
        assertThat(m.get("onset_ms")).isEmpty();
        assertThat(m.get("output")).isEqualTo("{\"A\":0.05,\"B\":0.95}");
        assertThat(m.get("trial_id")).isEqualTo(h.get("trial_id"));
    }

    @Test
    void demographicsAreLeftOutUnlessAskedFor() throws IOException {
        Path plain = dir.resolve("plain");
        TidyExport.Result result = TidyExport.export(store, TidyExport.Options.of(plain, TidyExport.Format.CSV));
        assertThat(result.trialRows()).isEqualTo(2 * TRIALS + 1);
        assertThat(result.sessionRows()).isEqualTo(3);
        for (Path f : List.of(result.trialsFile(), result.sessionsFile())) {
            assertThat(header(f)).doesNotContain("age", "sex", "handedness");
            assertThat(Files.readString(f)).doesNotContain("nonbinary").doesNotContain("ambidextrous");
        }

        Path withDemographics = dir.resolve("with");
        TidyExport.Result full = TidyExport.export(store,
                TidyExport.Options.of(withDemographics, TidyExport.Format.CSV).withDemographics(true));
        List<String> columns = header(full.trialsFile());
        assertThat(columns.subList(columns.indexOf("participant"), columns.indexOf("participant") + 5))
                .containsExactly("participant", "age", "sex", "handedness", "seed");
        List<CSVRecord> rows = csv(full.trialsFile());
        CSVRecord humanRow = rows.stream().filter(r -> r.get("session_id").equals(human)).findFirst().orElseThrow();
        assertThat(humanRow.get("age")).isEqualTo("34");
        assertThat(humanRow.get("sex")).isEqualTo("nonbinary");
        CSVRecord modelRow = rows.stream().filter(r -> r.get("session_id").equals(model)).findFirst().orElseThrow();
        assertThat(modelRow.get("age")).isEmpty();
        assertThat(header(full.sessionsFile())).contains("age", "sex", "handedness");
    }

    @Test
    void jsonHasTheSameKeysAsCsv() throws IOException {
        Path csvDir = dir.resolve("csv");
        Path jsonDir = dir.resolve("json");
        TidyExport.export(store, TidyExport.Options.of(csvDir, TidyExport.Format.CSV));
        TidyExport.Result result = TidyExport.export(store, TidyExport.Options.of(jsonDir, TidyExport.Format.JSON));
        assertThat(result.trialsFile()).hasFileName("trials.json");
        JsonNode trials = new ObjectMapper().readTree(result.trialsFile().toFile());
        assertThat(trials.isArray()).isTrue();
        assertThat(trials).hasSize(2 * TRIALS + 1);
        List<String> csvHeader = header(csvDir.resolve("trials.csv"));
        for (JsonNode row : trials) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(csvHeader);
        }
        JsonNode humanRow = find(trials, human);
        assertThat(humanRow.get("rt_ms").isNumber()).isTrue();
        assertThat(humanRow.get("output").isNull()).isTrue();
        assertThat(humanRow.get("practice").isBoolean()).isTrue();
        JsonNode modelRow = find(trials, model);
        assertThat(modelRow.get("output").isObject()).isTrue();
        assertThat(modelRow.get("output").get("B").asDouble()).isEqualTo(0.95);
        assertThat(modelRow.get("participant").isNull()).isTrue();

        JsonNode sessions = new ObjectMapper().readTree(result.sessionsFile().toFile());
        assertThat(sessions).hasSize(3);
        List<String> sessionKeys = new ArrayList<>();
        sessions.get(0).fieldNames().forEachRemaining(sessionKeys::add);
        assertThat(sessionKeys).containsExactlyElementsOf(header(csvDir.resolve("sessions.csv")));
        assertThat(sessions.get(0).get("trials_done").asInt()).isEqualTo(TRIALS);
        assertThat(sessions.get(0).get("station_info").get("host").asText()).isNotEmpty();
    }

    private static JsonNode find(JsonNode rows, String sessionId) {
        for (Iterator<JsonNode> it = rows.elements(); it.hasNext(); ) {
            JsonNode row = it.next();
            if (row.get("session_id").asText().equals(sessionId)) {
                return row;
            }
        }
        throw new AssertionError("no row of session " + sessionId);
    }

    @Test
    void filtersByStudyProtocolAndSession() throws IOException {
        TidyExport.Result byStudy = TidyExport.export(store, TidyExport.Options.of(dir.resolve("s"), TidyExport.Format.CSV)
                .withFilter(SessionFilter.study("other-study")));
        assertThat(csv(byStudy.trialsFile())).extracting(r -> r.get("session_id")).containsOnly(other);
        assertThat(byStudy.sessionRows()).isEqualTo(1);
        TidyExport.Result byProtocol = TidyExport.export(store,
                TidyExport.Options.of(dir.resolve("p"), TidyExport.Format.CSV)
                        .withFilter(new SessionFilter("main-study", "expression-abx", null)));
        assertThat(csv(byProtocol.trialsFile())).extracting(r -> r.get("session_id")).containsOnly(human, model);
        assertThat(csv(byProtocol.trialsFile())).extracting(r -> r.get("plan_index"))
                .containsExactly("0", "1", "2", "3", "4", "5", "0", "1", "2", "3", "4", "5");
    }

    @Test
    void aFailedExportLeavesNoPartialFiles() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("sessions.csv"));
        Files.writeString(out.resolve("sessions.csv").resolve("keep.txt"), "in the way");
        assertThatThrownBy(() -> TidyExport.export(store, TidyExport.Options.of(out, TidyExport.Format.CSV)))
                .isInstanceOf(TandemException.class).hasMessageContaining("a directory of that name is in the way");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sessions.csv");
        }

        Path previous = dir.resolve("previous");
        TidyExport.export(store, TidyExport.Options.of(previous, TidyExport.Format.CSV));
        String before = Files.readString(previous.resolve("trials.csv"));
        assertThatThrownBy(() -> TidyExport.export(store, TidyExport.Options.of(previous, TidyExport.Format.CSV)
                .withFilter(SessionFilter.study("no-such-study"))))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("no study 'no-such-study'")
                .hasMessageContaining("main-study, other-study");
        assertThat(Files.readString(previous.resolve("trials.csv"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(previous)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("trials.csv", "sessions.csv",
                    "events.csv");
        }
    }

    @Test
    void levelColumnsAreTheUnionOfFactorsInFirstSeenOrder() {
        Trial t = plan.trial(0);
        Trial a = new Trial(0, "a", "main", false, false, false, Map.of("size", "1"), t.stimuli(), "A");
        Trial b = new Trial(1, "b", "main", false, false, false, Map.of("happiness", "30"), t.stimuli(), "A");
        SessionSummary s = store.sessions(SessionFilter.session(human)).get(0);
        var facts = store.trials(human).get(0).session();
        TidyTable table = TidyTable.trials(List.of(
                        new org.tandem.protocols.record.TrialRecord(facts, a, Fixtures.humanResponse(a), true, null),
                        new org.tandem.protocols.record.TrialRecord(facts, b, Fixtures.humanResponse(b), null, null)),
                Map.of(human, s), TidyTable.DemographicsLookup.excluded());
        assertThat(table.columns()).containsSubsequence("practice", "level_size", "level_happiness", "stimuli");
        assertThat(table.rows().get(0).get("level_happiness")).isNull();
        assertThat(table.rows().get(1).get("level_size")).isNull();
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.keySet()).containsExactlyElementsOf(table.columns()));
    }
}
