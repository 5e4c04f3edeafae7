package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.record.TrialRecord;

/**
 * Networks' predictions kept in the database ({@code prediction} table) and reused: a second session of the same
 * network on the same images runs no network, and answers exactly as the first would have.
 */
class PredictionCacheCommandTest {
    private static final Pattern LINE = Pattern.compile("(?m)^(\\S+)  seed (\\d+) .*predictions (.*)$");

    @Test
    void aLaterSessionFindsEveryPredictionAndStoresTheSameOutputs(@TempDir Path dir) {
        Path db = dir.resolve("cache.mv.db");
        CliRun first = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--seed", "3", "--db", db.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, String> firstRun = sessions(first.out());
        assertThat(firstRun.values()).singleElement().asString().matches("\\d+ computed");
        long kept = Long.parseLong(firstRun.values().iterator().next().split(" ")[0]);
        assertThat(rows(db)).isEqualTo(kept);

        // sampling with another seed: the same images, other answers, no network run
        CliRun second = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--seed", "3", "--sessions", "2", "--rule", "sample", "--db", db.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(sessions(second.out()).values()).containsOnly(kept + " kept");
        assertThat(rows(db)).isEqualTo(kept);

        // an argmax session from the cache stores exactly what the session that computed it stored
        CliRun third = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--seed", "3", "--db", db.toString());
        assertThat(sessions(third.out()).values()).containsOnly(kept + " kept");
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            assertThat(outputs(store, sessions(third.out()).keySet().iterator().next()))
                    .isEqualTo(outputs(store, firstRun.keySet().iterator().next()));
        }

        // another network's predictions are its own
        CliRun twin = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer",
                "faceapi:expression:untrained?seed=2", "--db", db.toString());
        assertThat(sessions(twin.out()).values()).containsOnly(kept + " computed");
        assertThat(rows(db)).isEqualTo(2 * kept);
    }

    @Test
    void mergingStoresBringsTheirKeptPredictionsAlongOnce(@TempDir Path dir) {
        Path a = dir.resolve("a.mv.db");
        Path b = dir.resolve("b.mv.db");
        Path merged = dir.resolve("merged.mv.db");
        CliRun.ok("simulate", "expression-abx", "--observer", "faceapi:expression", "--db", a.toString());
        CliRun.ok("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression", "--db", b.toString());
        long kept = rows(a) + rows(b);

        CliRun first = CliRun.ok("db", "merge", a.toString(), b.toString(), "--db", merged.toString());
        assertThat(first.out()).contains("2 new, 0 extended, 0 already present; " + kept + " kept predictions");
        assertThat(rows(merged)).isEqualTo(kept);
        CliRun second = CliRun.ok("db", "merge", a.toString(), b.toString(), "--db", merged.toString());
        assertThat(second.out()).contains("Merged 2 store files into").contains(": 0 new, 0 extended, 2 already present")
                .doesNotContain("kept predictions");

        CliRun fromMerged = CliRun.ok("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--seed", "9", "--db", merged.toString());
        assertThat(sessions(fromMerged.out()).values()).singleElement().asString().endsWith(" kept");
        assertThat(TandemStore.check(new StoreOptions(merged, null)).problems()).isEmpty();
    }

    /** Session id to its predictions note, e.g. {@code 126 kept}. */
    private static Map<String, String> sessions(String out) {
        Map<String, String> notes = new TreeMap<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            notes.put(m.group(1), m.group(3).trim());
        }
        assertThat(notes).as(out).isNotEmpty();
        return notes;
    }

    private static long rows(Path db) {
        return TandemStore.check(new StoreOptions(db, null)).rows().get("prediction");
    }

    private static List<String> outputs(TandemStore store, String sessionId) {
        return store.trials(SessionFilter.session(sessionId)).stream()
                .map(TrialRecord::response).map(r -> r.answer() + " " + r.output()).toList();
    }
}
