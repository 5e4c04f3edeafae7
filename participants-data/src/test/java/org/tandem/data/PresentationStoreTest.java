package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A person's trial with its presentation record, in a real H2 file: every screen's timing and the run segment come
 * back as written, the trial's station events are rows of the event table committed with it, the file checks clean,
 * and the export shows per-trial timing faults, ABX image onsets and an events table.
 */
class PresentationStoreTest {
    private static final double PERIOD_NS = 16_683_350;

    @TempDir
    Path dir;

    private static ScreenTiming screen(String name, long onsetMs, long offsetMs, int frames) {
        return ScreenTiming.measured(name, onsetMs * 1_000_000, offsetMs * 1_000_000, frames, frames, PERIOD_NS, false);
    }

    @Test
    void aTrialsPresentationAndEventsAreStoredCheckedAndExported() throws IOException {
        Path file = dir.resolve("tandem.mv.db");
        TrialPlan plan = Fixtures.plan(3);
        Trial trial = plan.trial(0);
        List<ScreenTiming> screens = List.of(screen("fixation", 1000, 1033, 2), screen("A", 1033, 1133, 6),
                screen("isi", 1133, 1150, 1), screen("B", 1150, 1250, 6), screen("isi", 1250, 1267, 1),
                screen("X", 1267, 1300, 6), screen("response", 1300, 1700, 0));
        Presentation presentation = new Presentation(screens, 1_267_000_000L, 2, PERIOD_NS,
                List.of(new StationEvent("early-key", 1_100_000_000L, "j"), new StationEvent("pause", 1_500_000_000L, null)));
        FrameTiming timing = new FrameTiming(1_033_000_000L, 1_300_000_000L, 20, 20, 0);
        Response response = Response.ofStation(trial.correctAnswer(), 433.0, timing, presentation);
        String id;
        try (TandemStore store = Fixtures.open(file)) {
            id = store.startSession(Fixtures.human("main-study", "P001", 3));
            store.commitTrial(id, trial, response);
            store.commitTrial(id, plan.trial(1), Fixtures.humanResponse(plan.trial(1)));
        }
        assertThat(TandemStore.check(Fixtures.options(file)).clean()).isTrue();
        try (TandemStore store = TandemStore.openForReading(Fixtures.options(file))) {
            Presentation back = store.trials(id).get(0).response().presentation();
            assertThat(back.screens()).isEqualTo(screens);
            assertThat(back.runSegment()).isEqualTo(2);
            assertThat(back.answerOpensNanos()).isEqualTo(1_267_000_000L);
            assertThat(back.timingOk()).isFalse();
            assertThat(store.trials(id).get(1).response().presentation()).isNull();
            assertThat(store.events(id)).extracting(SessionEvent::kind).contains("early-key", "pause");

            TidyExport.export(store, TidyExport.Options.of(dir.resolve("out"), TidyExport.Format.CSV));
        }
        List<CSVRecord> trials = csv(dir.resolve("out/trials.csv"));
        CSVRecord first = trials.get(0);
        assertThat(first.get("timing_ok")).isEqualTo("false");
        assertThat(first.get("timing_faults")).as("X was up 2 of its 6 frames").isEqualTo("X short: 33.0 of 100.1 ms");
        assertThat(first.get("x_onset_ms")).isEqualTo("1267");
        assertThat(first.get("answer_opens_ms")).isEqualTo("1267");
        assertThat(first.get("run_segment")).isEqualTo("2");
        assertThat(trials.get(1).get("timing_ok")).as("no presentation record").isEmpty();

        List<CSVRecord> events = csv(dir.resolve("out/events.csv"));
        assertThat(events).extracting(r -> r.get("kind")).contains("started", "early-key", "pause", "timing-fault");
        CSVRecord early = events.stream().filter(r -> r.get("kind").equals("early-key")).findFirst().orElseThrow();
        assertThat(early.get("trial")).isEqualTo("0");
        assertThat(early.get("clock_ms")).isEqualTo("1100");
        assertThat(early.get("session_id")).isEqualTo(id);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }
}
