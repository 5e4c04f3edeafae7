package org.tandem.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.record.TrialRecord;

/** A store's sweep sessions read back: each cell key with the responses of its trials, in order. */
final class StoredCells {
    /** Relative difference allowed between two stores' outputs for the same image (a few float32 roundings). */
    private static final double OUTPUT_TOLERANCE = 1e-5;

    private StoredCells() {
    }

    /** Every session of the study by cell key, each of which must be completed and held once. */
    static Map<String, List<Response>> responses(Path db, String study) {
        Map<String, List<Response>> byCell = new TreeMap<>();
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(db))) {
            for (SessionSummary session : store.sessions(SessionFilter.study(study))) {
                String key = session.stationInfo().get(SweepCell.FACT);
                assertThat(session.status()).as(key).isEqualTo(SessionStatus.COMPLETED);
                assertThat(session.trialsDone()).as(key).isEqualTo(session.trialsPlanned()).isPositive();
                List<Response> trials = store.trials(SessionFilter.session(session.sessionId())).stream()
                        .map(TrialRecord::response).toList();
                assertThat(trials).as(key).hasSize(session.trialsPlanned());
                assertThat(byCell.put(key, trials)).as("cell held twice: " + key).isNull();
            }
        }
        return byCell;
    }

    /**
     * The same cells with the same answers, trial by trial, and the same outputs up to float32 rounding: a network's
     * output for an image differs in its last bits with the batch it was computed in, and which batch that was depends
     * on the cells that ran before in the same store (the prediction cache).
     */
    static void assertSame(Map<String, List<Response>> actual, Map<String, List<Response>> expected) {
        assertThat(actual).hasSameSizeAs(expected).containsOnlyKeys(expected.keySet());
        expected.forEach((key, trials) -> {
            List<Response> got = actual.get(key);
            assertThat(got.stream().map(Response::answer)).as(key)
                    .containsExactlyElementsOf(trials.stream().map(Response::answer).toList());
            for (int t = 0; t < trials.size(); t++) {
                assertThat(got.get(t).output().labels()).isEqualTo(trials.get(t).output().labels());
                List<Double> want = trials.get(t).output().values();
                List<Double> values = got.get(t).output().values();
                for (int v = 0; v < want.size(); v++) {
                    double scale = Math.max(Math.abs(want.get(v)), Math.abs(values.get(v)));
                    assertThat(Math.abs(values.get(v) - want.get(v))).as("%s trial %d output %d", key, t, v)
                            .isLessThanOrEqualTo(OUTPUT_TOLERANCE * scale);
                }
            }
        });
    }
}
