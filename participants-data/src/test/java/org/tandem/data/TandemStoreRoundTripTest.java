package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

class TandemStoreRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void humanTrialWithFrameTimingAndRtReadsBackAfterReopening() {
        Path file = dir.resolve("tandem.mv.db");
        String sessionId;
        Trial trial;
        Response response;
        try (TandemStore store = Fixtures.open(file)) {
            sessionId = store.startSession(Fixtures.human("pilot", "P001", 11));
            TrialPlan plan = Fixtures.plan(11);
            trial = plan.trial(2);
            response = Fixtures.humanResponse(trial);
            assertThat(response.timing().missed()).isTrue();
            store.commitTrial(sessionId, trial, response);
        }
        try (TandemStore store = Fixtures.open(file)) {
            List<TrialRecord> records = store.trials(sessionId);
            assertThat(records).hasSize(1);
            TrialRecord r = records.get(0);
            assertThat(r.trial()).isEqualTo(trial);
            assertThat(r.response()).isEqualTo(response);
            assertThat(r.response().timing()).isEqualTo(response.timing());
            assertThat(r.response().rtMs()).isEqualTo(402.25);
            assertThat(r.response().output()).isNull();
            assertThat(r.correct()).isEqualTo(TrialRecord.scoreOf(trial, response));
            assertThat(r.recordedAt()).isNotNull();
            assertThat(r.session()).isEqualTo(new TrialRecord.SessionFacts(sessionId, "pilot", "expression-abx", null,
                    ObserverKind.HUMAN, "station-1", "P001", 11));
        }
    }

    @Test
    void modelTrialWithOutputVectorReadsBack() {
        try (TandemStore store = Fixtures.open(dir.resolve("tandem"))) {
            String sessionId = store.startSession(Fixtures.model("sim", 5));
            TrialPlan plan = Fixtures.plan(5);
            for (int i = 0; i < 3; i++) {
                store.commitTrial(sessionId, plan.trial(i), Fixtures.modelResponse(plan.trial(i)));
            }
            List<TrialRecord> records = store.trials(sessionId);
            assertThat(records).extracting(r -> r.trial().index()).containsExactly(0, 1, 2);
            for (TrialRecord r : records) {
                Response expected = Fixtures.modelResponse(r.trial());
                assertThat(r.response()).isEqualTo(expected);
                assertThat(r.response().output().labels()).containsExactly("A", "B");
                assertThat(r.response().rtMs()).isNull();
                assertThat(r.response().timing()).isNull();
                assertThat(r.session().participant()).isNull();
                assertThat(r.session().observerKind()).isEqualTo(ObserverKind.MODEL);
                assertThat(r.correct()).isEqualTo(TrialRecord.scoreOf(r.trial(), expected));
            }
        }
    }

    @Test
    void nonFiniteOutputValuesReadBack() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            String id = store.startSession(Fixtures.model("sim", 5));
            Trial t = Fixtures.plan(5).trial(0);
            Response response = Response.ofModel(null, new ModelOutput(List.of("A", "B", "C"),
                    List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.5)));
            store.commitTrial(id, t, response);
            TrialRecord r = store.trials(id).get(0);
            assertThat(r.response()).isEqualTo(response);
            assertThat(r.correct()).isNull();
        }
    }

    @Test
    void aDirectoryIsNotADatabasePath() {
        assertThatThrownBy(() -> Fixtures.open(dir))
                .isInstanceOf(TandemException.class).hasMessageContaining("is a directory");
    }

    @Test
    @DisabledIfSystemProperty(named = Fixtures.STORE_PROPERTY, matches = "postgresql", disabledReason = "H2 file names")
    void basePathAndMvDbPathNameTheSameDatabase() {
        try (TandemStore store = Fixtures.open(dir.resolve("lab"))) {
            assertThat(store.path()).isEqualTo(dir.resolve("lab.mv.db").toAbsolutePath());
            store.ensureStudy("pilot");
        }
        try (TandemStore store = Fixtures.open(dir.resolve("lab.mv.db"))) {
            assertThat(store.studies()).containsExactly("pilot");
        }
        assertThat(Files.exists(dir.resolve("lab.mv.db.mv.db"))).isFalse();
    }

    @Test
    void defaultPathIsInTheUsersTandemDirectory() {
        assertThat(TandemStore.defaultPath())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".tandem", "tandem.mv.db"));
    }

    @Test
    void sessionSummaryCountsTrialsAndKeepsStationInfo() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            String human = store.startSession(Fixtures.human("pilot", "P002", 1));
            String model = store.startSession(Fixtures.model("pilot", 1));
            TrialPlan plan = Fixtures.plan(1);
            store.commitTrial(human, plan.trial(0), Fixtures.humanResponse(plan.trial(0)));
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).extracting(SessionSummary::sessionId).containsExactly(human, model);
            SessionSummary h = sessions.get(0);
            assertThat(h.trialsDone()).isEqualTo(1);
            assertThat(h.trialsPlanned()).isEqualTo(plan.size());
            assertThat(h.status()).isEqualTo(SessionStatus.RUNNING);
            assertThat(h.participant()).isEqualTo("P002");
            assertThat(h.protocolSha256()).isEqualTo(Fixtures.PROTOCOL_SHA256);
            assertThat(h.planSha256()).isEqualTo(plan.sha256());
            assertThat(h.endedAt()).isNull();
            assertThat(h.stationInfo()).containsKeys("host", "os", "java").containsEntry("display", "1920x1080@60Hz");
            assertThat(h.stationInfo().get("java")).contains(System.getProperty("java.version"));
            assertThat(h.host()).isEqualTo(h.stationInfo().get("host"));
            assertThat(sessions.get(1).participant()).isNull();
            assertThat(store.sessions(SessionFilter.session(model))).extracting(SessionSummary::observerKind)
                    .containsExactly(ObserverKind.MODEL);
            assertThat(store.events(human)).extracting(SessionEvent::kind).containsExactly("started");
        }
    }

    @Test
    void studiesProtocolsAndParticipantsAreIdempotent() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            long id = store.ensureStudy("pilot");
            assertThat(store.ensureStudy("pilot")).isEqualTo(id);
            assertThat(store.ensureStudy("main")).isNotEqualTo(id);
            store.saveProtocol("expression-abx", Fixtures.SOURCE.json(), Fixtures.PROTOCOL_SHA256);
            store.saveProtocol("expression-abx", Fixtures.SOURCE.json(), Fixtures.PROTOCOL_SHA256);
            store.ensureParticipant("P007", new Demographics(31, "female", "left"));
            store.ensureParticipant("P007", null);
            assertThat(store.demographics("P007")).contains(new Demographics(31, "female", "left"));
            store.ensureParticipant("P007", new Demographics(32, "female", "left"));
            assertThat(store.demographics("P007")).contains(new Demographics(32, "female", "left"));
            assertThat(store.demographics("P999")).isEmpty();
        }
    }

    @Test
    void aStoredProtocolDocumentReadsBackByItsHash() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            assertThat(store.protocolDocument(Fixtures.PROTOCOL_SHA256)).isEmpty();
            store.saveProtocol("expression-abx", Fixtures.SOURCE.json(), Fixtures.PROTOCOL_SHA256);
            assertThat(store.protocolDocument(Fixtures.PROTOCOL_SHA256)).contains(Fixtures.SOURCE.json());
            assertThat(store.protocolDocument("0".repeat(64))).isEmpty();
        }
    }

    @Test
    void participantCodesMustBePseudonymous() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            assertThatThrownBy(() -> store.ensureParticipant("Jane Doe", null))
                    .isInstanceOf(TandemException.class)
                    .hasMessageContaining("participant code 'Jane Doe' is not valid")
                    .hasMessageContaining("never a name");
            assertThatThrownBy(() -> store.ensureParticipant("x".repeat(33), null)).isInstanceOf(TandemException.class);
            assertThatThrownBy(() -> store.ensureParticipant("", null)).isInstanceOf(TandemException.class);
            assertThatThrownBy(() -> store.startSession(Fixtures.human("pilot", "jane.doe@example.org", 1)))
                    .isInstanceOf(TandemException.class);
            assertThatThrownBy(() -> new Demographics(200, null, null)).isInstanceOf(TandemException.class);
            store.ensureParticipant("P_01-a", null);
            assertThat(store.sessions()).isEmpty();
        }
    }

    @Test
    void startSessionChecksObserverAndPlanAgreement() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            NewSession human = Fixtures.human("pilot", "P001", 3);
            NewSession noParticipant = new NewSession("pilot", human.protocolId(), human.protocolJson(),
                    human.protocolSha256(), ObserverKind.HUMAN, "station-1", null, 3, null, human.plan(), null);
            assertThatThrownBy(() -> store.startSession(noParticipant))
                    .isInstanceOf(TandemException.class).hasMessageContaining("needs a participant code");
            NewSession model = Fixtures.model("pilot", 3);
            NewSession modelWithParticipant = new NewSession("pilot", model.protocolId(), model.protocolJson(),
                    model.protocolSha256(), ObserverKind.MODEL, "net", "P001", 3, null, model.plan(), null);
            assertThatThrownBy(() -> store.startSession(modelWithParticipant))
                    .isInstanceOf(TandemException.class).hasMessageContaining("model sessions have no participant");
            NewSession wrongSeed = new NewSession("pilot", model.protocolId(), model.protocolJson(),
                    model.protocolSha256(), ObserverKind.MODEL, "net", null, 4, null, model.plan(), null);
            assertThatThrownBy(() -> store.startSession(wrongSeed))
                    .isInstanceOf(TandemException.class).hasMessageContaining("seed 3, not 4");
            // nothing of the refused sessions was stored
            assertThat(store.sessions()).isEmpty();
            assertThat(store.studies()).isEmpty();
        }
    }

    @Test
    void eventsNeedValidJsonDetail() {
        try (TandemStore store = Fixtures.open(dir.resolve("t.mv.db"))) {
            String id = store.startSession(Fixtures.model("pilot", 1));
            store.recordEvent(id, "break", "{\"seconds\": 30}");
            store.recordEvent(id, "note", null);
            assertThatThrownBy(() -> store.recordEvent(id, "break", "{not json"))
                    .isInstanceOf(TandemException.class).hasMessageContaining("is not valid JSON");
            assertThatThrownBy(() -> store.recordEvent("no-such-session", "break", null))
                    .isInstanceOf(TandemException.class).hasMessageContaining("no session 'no-such-session'");
            assertThat(store.events(id)).extracting(SessionEvent::kind).containsExactly("started", "break", "note");
            assertThat(store.events(id).get(1).detailJson()).isEqualTo("{\"seconds\": 30}");
        }
    }
}
