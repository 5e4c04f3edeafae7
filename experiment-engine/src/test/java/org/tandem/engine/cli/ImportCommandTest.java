package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.record.TrialRecord;

/** {@code tandem import} of the PsychoPy and jsPsych fixtures into a real H2 file, through the real command line. */
class ImportCommandTest {
    private static final String P01 = "P01_happy_sad_2afc_2024-05-11_10h21.03.512.csv";
    private static final String P02 = "P02_happy_sad_2afc_2024-05-12_10h22.03.512.csv";

    @Test
    void psychoPyFilesBecomeCompletedHumanSessionsMarkedAsImportedAndAreNotImportedTwice(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("lab.mv.db");
        CliRun run = importPsychoPy(db, fixture(P01), fixture(P02));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("participant P01  21 trials  from " + P01, "participant P02  21 trials",
                "Imported 2 session(s) of expression-2afc-happy-sad from psychopy");

        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).hasSize(2);
            SessionSummary p01 = sessions.get(0);
            assertThat(p01.observerKind()).isEqualTo(ObserverKind.HUMAN);
            assertThat(p01.observerId()).isEqualTo("import:psychopy");
            assertThat(p01.participant()).isEqualTo("P01");
            assertThat(p01.study()).isEqualTo("lab");
            assertThat(p01.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(p01.trialsDone()).isEqualTo(21).isEqualTo(p01.trialsPlanned());
            assertThat(p01.stationInfo()).containsEntry("origin", "import").containsEntry("import_tool", "psychopy")
                    .containsEntry("import_file", P01)
                    .containsEntry("import_sha256", sha256(fixture(P01)));
            assertThat(p01.stationInfo().get("import_mapping")).contains("key_resp.keys");
            assertThat(store.events(p01.sessionId())).extracting(e -> e.kind()).contains("imported");

            // the first trial row of P01: morph 0.5 (50 %), key s, 1.0333 s
            TrialRecord first = store.trials(p01.sessionId()).get(0);
            assertThat(first.trial().levels()).containsEntry("happiness", "50");
            assertThat(first.trial().id()).isEqualTo("main:happiness=50#1");
            assertThat(first.response().answer()).isEqualTo("sad");
            assertThat(first.response().rtMs()).isEqualTo(1033.3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.trial().stimulus("S").id()).isEqualTo("varied-faces/average/sad-happy@50");
            TrialRecord missed = store.trials(sessions.get(1).sessionId()).get(9);
            assertThat(missed.response().answer()).isNull();
            assertThat(missed.response().rtMs()).isNull();
            long happyAt100 = store.trials(p01.sessionId()).stream()
                    .filter(r -> r.trial().levels().get("happiness").equals("100"))
                    .filter(r -> "happy".equals(r.response().answer())).count();
            assertThat(happyAt100).isEqualTo(3);
        }

        CliRun again = importPsychoPy(db, fixture(P02));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).doesNotContain("\n").contains(P02, "already imported", "nothing stored");
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            assertThat(store.sessions()).hasSize(2);
        }
    }

    @Test
    void jsPsychJsonImportsSixWayTrialsWithLevelsFromTheStimulusPath(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("js.mv.db");
        CliRun run = CliRun.of("import", "jspsych", fixture("S01_expressions.json").toString(), "--protocol",
                "expression-6way", "--mapping", fixture("jspsych-mapping.json").toString(), "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            SessionSummary s = store.sessions().get(0);
            assertThat(s.observerId()).isEqualTo("import:jspsych");
            assertThat(s.study()).isEqualTo("imported");
            List<TrialRecord> trials = store.trials(s.sessionId());
            assertThat(trials).hasSize(25);
            assertThat(trials.get(0).trial().levels()).containsEntry("identity", "01")
                    .containsEntry("expression", "surprised");
            assertThat(trials.get(0).trial().correctAnswer()).isEqualTo("surprise");
            assertThat(trials.get(0).response().answer()).isEqualTo("fear");
            assertThat(trials.get(0).response().rtMs()).isEqualTo(1267.0);
            assertThat(trials.get(24).response().answer()).isNull();
            long correct = trials.stream().filter(t -> Boolean.TRUE.equals(t.correct())).count();
            assertThat(correct).isBetween(12L, 23L);
        }
    }

    @Test
    void jsPsychCsvGivesTheSameTrialsAsItsJson(@TempDir Path dir) {
        Path db = dir.resolve("both.mv.db");
        CliRun run = CliRun.of("import", "jspsych", fixture("S01_expressions.json").toString(),
                fixture("S02_expressions.csv").toString(), "--protocol", "expression-6way", "--mapping",
                fixture("jspsych-mapping.json").toString(), "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).extracting(SessionSummary::participant).containsExactly("S01", "S02");
            List<TrialRecord> json = store.trials(sessions.get(0).sessionId());
            List<TrialRecord> csv = store.trials(sessions.get(1).sessionId());
            assertThat(csv).extracting(TrialRecord::trial).isEqualTo(json.stream().map(TrialRecord::trial).toList());
            assertThat(csv).extracting(TrialRecord::response)
                    .isEqualTo(json.stream().map(TrialRecord::response).toList());
        }
    }

    @Test
    void aBadValueIsReportedByFileLineAndColumnAndNothingIsStored(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("P03_bad.csv");
        List<String> lines = Files.readAllLines(fixture(P01));
        lines.set(4, lines.get(4).replace(",a,", ",q,").replace(",s,", ",q,").replace("P01", "P03"));
        Files.write(bad, lines);
        Path db = dir.resolve("bad.mv.db");
        CliRun run = importPsychoPy(db, fixture(P01), bad);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains(bad.toString(), "line 5", "column 'key_resp.keys'", "response 'q'");
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            assertThat(store.sessions()).isEmpty();
        }

        Path level = dir.resolve("P04_level.csv");
        Files.writeString(level, Files.readString(fixture(P01)).replaceFirst("\n0.5,", "\n0.42,"));
        CliRun offLevel = importPsychoPy(db, level);
        assertThat(offLevel.exitCode()).isEqualTo(1);
        assertThat(offLevel.err().strip()).contains(level.toString(), "line 3", "column 'morph'",
                "not a condition of protocol expression-2afc-happy-sad");

        Path noSubject = dir.resolve("S09.json");
        Files.writeString(noSubject, Files.readString(fixture("S01_expressions.json"))
                .replaceFirst("\"internal_node_id\": \"0.0-1.0-0.2\", \"subject\": \"S01\", ",
                        "\"internal_node_id\": \"0.0-1.0-0.2\", "));
        CliRun jsPsych = CliRun.of("import", "jspsych", noSubject.toString(), "--protocol", "expression-6way",
                "--mapping", fixture("jspsych-mapping.json").toString(), "--db", db.toString());
        assertThat(jsPsych.exitCode()).isEqualTo(1);
        assertThat(jsPsych.err().strip()).doesNotContain("\n").contains(noSubject + ": line 1, trial object 4,"
                + " column 'subject': participant code '' is not valid");

        CliRun noColumn = CliRun.of("import", "psychopy", fixture(P01).toString(), "--protocol",
                "expression-2afc-happy-sad", "--mapping", fixture("psychopy-mapping.json").toString(),
                "--participant-column", "subject", "--db", db.toString());
        assertThat(noColumn.exitCode()).isEqualTo(1);
        assertThat(noColumn.err().strip()).contains(P01, "no column 'subject'");
    }

    @Test
    void importedPeopleAppearInTheReportNextToNetworksAndPublishedGroupsAreComparedWithThem(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("report.mv.db");
        assertThat(importPsychoPy(db, fixture(P01), fixture(P02)).exitCode()).isZero();
        assertThat(CliRun.of("import", "jspsych", fixture("S01_expressions.json").toString(), "--protocol",
                "expression-6way", "--mapping", fixture("jspsych-mapping.json").toString(), "--study", "lab", "--db",
                db.toString()).exitCode()).isZero();
        for (String protocol : List.of("expression-2afc-happy-sad", "expression-6way")) {
            CliRun sim = CliRun.of("simulate", protocol, "--observer", "faceapi:expression", "--study", "lab", "--db",
                    db.toString());
            assertThat(sim.exitCode()).as(sim.err()).isZero();
        }
        Path out = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--out", out.toString(), "--bootstrap", "0",
                "--reference", fixture("reference-groups.json").toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        List<String> origins = new java.util.ArrayList<>();
        results.get("observers").forEach(o -> origins.add(o.get("observer").asText() + ": " + o.get("origin").asText()));
        assertThat(origins).contains("P01: imported from psychopy", "P02: imported from psychopy",
                "S01: imported from jspsych", "faceapi:expression: network");
        JsonNode section = ReportResults.section(results, "expression-2afc-happy-sad", "identification");
        assertThat(section.get("pseComparison").get("humans").asInt()).isEqualTo(2);
        double networkPse = ReportResults.observer(section.get("observers"), "faceapi:expression").get("fit")
                .get("pse").get("value").asDouble();

        JsonNode ying = results.get("references").get(0);
        assertThat(ying.get("name").asText()).isEqualTo("Ying et al. people");
        JsonNode test = ying.get("pseTests").get(0).get("comparison").get("tests").get(0);
        assertThat(test.get("network").asText()).isEqualTo("faceapi:expression");
        assertThat(test.get("df").asInt()).isEqualTo(49);
        assertThat(test.get("t").asDouble()).isCloseTo((53.2 - networkPse) / 1.8, Offset.offset(1e-9));
        double p = 2 * new org.apache.commons.math3.distribution.TDistribution(49)
                .cumulativeProbability(-Math.abs(test.get("t").asDouble()));
        assertThat(test.get("p").asDouble()).isCloseTo(p, Offset.offset(1e-9));

        JsonNode zhou = results.get("references").get(1);
        List<String> compared = new java.util.ArrayList<>();
        zhou.get("patterns").forEach(t -> compared.add(t.get("observer").asText()));
        assertThat(compared).containsExactly("humans (mean)", "faceapi:expression");
        JsonNode tau = zhou.get("patterns").get(1).get("kendall");
        assertThat(tau.get("n").asInt()).isEqualTo(30);
        assertThat(tau.get("coefficient").isNull() ? tau.get("undefinedReason").asText() : tau.get("coefficient")
                .asText()).isNotBlank();

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("imported from psychopy", "Published groups of people", "Ying et al. people",
                "SEM 0.018 (fraction), n = 50");
    }

    @Test
    void aPublishedSummaryWithoutItsSpreadIsRefusedByField(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, "{\"groups\": [{\"name\": \"g\", \"pse\": {\"continuum\": {\"from\": \"sad\","
                + " \"to\": \"happy\"}, \"levels\": \"fraction\", \"mean\": 0.5, \"n\": 20}}]}");
        Path db = dir.resolve("s.mv.db");
        assertThat(importPsychoPy(db, fixture(P01)).exitCode()).isZero();
        CliRun run = CliRun.of("analyze", "--db", db.toString(), "--out", dir.resolve("r").toString(), "--reference",
                summary.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains(summary + ": groups[0].pse",
                "exactly one of \"sd\" and \"sem\"");
    }

    private static CliRun importPsychoPy(Path db, Path... files) {
        List<String> args = new java.util.ArrayList<>(List.of("import", "psychopy"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--protocol", "expression-2afc-happy-sad", "--mapping",
                fixture("psychopy-mapping.json").toString(), "--study", "lab", "--db", db.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
