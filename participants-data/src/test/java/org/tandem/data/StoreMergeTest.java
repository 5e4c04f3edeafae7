package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** Merging store files into one: real H2 files, each written and read through {@link TandemStore}. */
class StoreMergeTest {
    @TempDir
    Path dir;

    /** Two stores with one session each: a person's, unfinished, with a break, and a network's, completed. */
    @Test
    void sessionsOfTwoStoresArriveWithTheirTrialsEventsAndChecks() {
        Path people = dir.resolve("people.mv.db");
        Path models = dir.resolve("models.mv.db");
        String human = humanSession(people, "P01", new Demographics(30, "female", "right"), 4);
        String model = modelSession(models, 7);
        Path target = dir.resolve("all.mv.db");

        List<MergeSummary> merged = TandemStore.merge(StoreOptions.at(target), sources(people, models));

        assertThat(merged).containsExactly(new MergeSummary(people.toString(), 1, 0, 0), new MergeSummary(models.toString(), 1, 0, 0));
        assertSameSessions(people, target, human);
        assertSameSessions(models, target, model);
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(target))) {
            assertThat(store.sessions()).hasSize(2);
            assertThat(store.demographics("P01")).contains(new Demographics(30, "female", "right"));
            assertThat(store.events(human)).extracting(SessionEvent::kind).containsExactly("started", "break", "finished",
                    "resumed");
        }
        assertThat(TandemStore.check(StoreOptions.at(target)).problems()).isEmpty();
        try (TandemStore store = Fixtures.open(target)) { // the merged target takes new sessions
            store.startSession(Fixtures.model("after", 3));
        }
    }

    @Test
    void theSameMergeAgainChangesNothing() throws Exception {
        Path source = dir.resolve("a.mv.db");
        humanSession(source, "P02", null, 5);
        modelSession(source, 2);
        Path target = merged(source);
        byte[] database = Files.readAllBytes(target);
        byte[] seal = Files.readAllBytes(seal(target));

        List<MergeSummary> again = TandemStore.merge(StoreOptions.at(target), sources(source));

        assertThat(again).containsExactly(new MergeSummary(source.toString(), 0, 0, 2));
        assertThat(Files.readAllBytes(target)).isEqualTo(database);
        assertThat(Files.readAllBytes(seal(target))).isEqualTo(seal);
    }

    @Test
    void aSessionThatWentOnInItsSourceGetsTheRestOfItsTrialsAndItsStatus() throws Exception {
        Path source = dir.resolve("a.mv.db");
        String id = humanSession(source, "P03", null, 3);
        Path target = merged(source);
        Path older = copyStore(source, "older");
        TrialPlan plan = Fixtures.plan(1);
        try (TandemStore store = Fixtures.open(source)) {
            for (int i = 3; i < plan.size(); i++) {
                store.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
            }
            store.finishSession(id, SessionStatus.COMPLETED);
        }

        assertThat(TandemStore.merge(StoreOptions.at(target), sources(source)))
                .containsExactly(new MergeSummary(source.toString(), 0, 1, 0));
        assertSameSessions(source, target, id);
        assertThat(TandemStore.check(StoreOptions.at(target)).problems()).isEmpty();
        assertThat(TandemStore.merge(StoreOptions.at(target), sources(source)))
                .containsExactly(new MergeSummary(source.toString(), 0, 0, 1));
        assertRefused(target, older).hasMessageContaining("session " + id + " is held in " + target + " with "
                + plan.size() + " trials where the source has 3");
    }

    @Test
    void aSessionWithOtherTrialsIsRefusedAndNothingIsMerged() throws Exception {
        Path original = dir.resolve("a.mv.db");
        String id = humanSession(original, "P04", null, 2);
        Path other = copyStore(original, "b");
        Path news = dir.resolve("c.mv.db");
        modelSession(news, 9);
        Trial third = Fixtures.plan(1).trial(2);
        try (TandemStore store = Fixtures.open(original)) {
            store.commitTrial(id, third, Response.ofHuman("A", 812.0, null));
        }
        try (TandemStore store = Fixtures.open(other)) {
            store.commitTrial(id, third, Response.ofHuman("B", 812.0, null));
        }
        Path target = merged(original);

        assertRefused(target, news, other)
                .hasMessageContaining("cannot merge " + other)
                .hasMessageContaining("session " + id)
                .hasMessageContaining("another trial 3 (its response differs)")
                .hasMessageContaining("nothing was merged");
    }

    /** Found only while writing, when the first source's copy is in the target already: the transaction is undone. */
    @Test
    void twoSourcesThatDisagreeAboutASessionMergeNeither() throws Exception {
        Path first = dir.resolve("a.mv.db");
        String id = modelSession(first, 4);
        Path second = copyStore(first, "b");
        try (TandemStore store = Fixtures.open(second)) {
            store.recordEvent(id, "note", null);
        }
        try (TandemStore store = Fixtures.open(first)) {
            store.recordEvent(id, "other-note", null);
        }
        Path target = dir.resolve("all.mv.db");

        assertThatThrownBy(() -> TandemStore.merge(StoreOptions.at(target), sources(first, second)))
                .hasMessageContaining("cannot merge " + second + ": session " + id)
                .hasMessageContaining("another event 3 (its at differs)");
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(target))) {
            assertThat(store.sessions()).isEmpty();
        }
        assertThat(TandemStore.check(StoreOptions.at(target)).problems()).isEmpty();
    }

    @Test
    void aParticipantWithOtherDemographicsIsRefused() throws Exception {
        Path first = dir.resolve("a.mv.db");
        humanSession(first, "P05", new Demographics(30, null, null), 1);
        Path second = dir.resolve("b.mv.db");
        humanSession(second, "P05", new Demographics(31, null, null), 1);
        Path target = merged(first);

        assertRefused(target, second)
                .hasMessageContaining("participant P05 has other demographics there (age 31")
                .hasMessageContaining("nothing was merged");
    }

    @Test
    void aDamagedSourceIsRefusedAndTheTargetLeftAsItWas() throws Exception {
        Path good = dir.resolve("a.mv.db");
        modelSession(good, 1);
        Path target = merged(good);
        Path damaged = dir.resolve("b.mv.db");
        modelSession(damaged, 2);
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(damaged, bytes);

        assertRefused(target, good, damaged).hasMessageContaining(damaged + " is damaged: ");
        assertRefused(target, dir.resolve("none.mv.db"))
                .hasMessageContaining("no Tandem database at " + dir.resolve("none.mv.db"));
    }

    @Test
    void theTargetIsNotASource() {
        Path target = dir.resolve("all.mv.db");
        modelSession(target, 1);
        assertThatThrownBy(() -> TandemStore.merge(StoreOptions.at(target), sources(dir.resolve("all"))))
                .hasMessageContaining("cannot merge " + target + " into itself");
    }

    private static String humanSession(Path file, String participant, Demographics demographics, int trials) {
        try (TandemStore store = Fixtures.open(file)) {
            store.ensureParticipant(participant, demographics);
            String id = store.startSession(Fixtures.human("people", participant, 1));
            TrialPlan plan = Fixtures.plan(1);
            for (int i = 0; i < trials; i++) {
                store.commitTrial(id, plan.trial(i), Fixtures.humanResponse(plan.trial(i)));
            }
            store.recordEvent(id, "break", "{\"after\":" + trials + "}");
            store.finishSession(id, SessionStatus.ABORTED);
            store.resume(id);
            return id;
        }
    }

    private static String modelSession(Path file, long seed) {
        try (TandemStore store = Fixtures.open(file)) {
            String id = store.startSession(Fixtures.model("sweep", seed));
            for (Trial trial : Fixtures.plan(seed).trials()) {
                store.commitTrial(id, trial, Fixtures.modelResponse(trial));
            }
            store.finishSession(id, SessionStatus.COMPLETED);
            return id;
        }
    }

    private static void assertSameSessions(Path source, Path target, String id) {
        try (TandemStore from = TandemStore.openForReading(StoreOptions.at(source));
             TandemStore into = TandemStore.openForReading(StoreOptions.at(target))) {
            assertThat(into.sessions(SessionFilter.session(id))).isEqualTo(from.sessions(SessionFilter.session(id)));
            assertThat(into.trials(id)).isEqualTo(from.trials(id));
            assertThat(into.events(id)).extracting(SessionEvent::at, SessionEvent::kind, SessionEvent::detailJson)
                    .isEqualTo(from.events(id).stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.at(), e.kind(),
                            e.detailJson())).toList());
        }
    }

    /** The refusal of merging {@code sources} into {@code target}, after checking that the target's bytes stayed. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path target, Path... sources)
            throws IOException {
        byte[] before = Files.readAllBytes(target);
        Throwable thrown = catchThrowable(() -> TandemStore.merge(StoreOptions.at(target), sources(sources)));
        assertThat(Files.readAllBytes(target)).as("the target's bytes").isEqualTo(before);
        return assertThat(thrown).isInstanceOf(TandemException.class);
    }

    /** A new target holding what {@code sources} hold. */
    private Path merged(Path... sources) {
        Path target = dir.resolve("all.mv.db");
        TandemStore.merge(StoreOptions.at(target), sources(sources));
        return target;
    }

    private static List<StoreOptions> sources(Path... files) {
        List<StoreOptions> options = new ArrayList<>();
        Arrays.stream(files).forEach(f -> options.add(StoreOptions.at(f)));
        return options;
    }

    private Path copyStore(Path file, String name) throws Exception {
        Path copy = dir.resolve(name + ".mv.db");
        Files.copy(file, copy);
        Files.copy(seal(file), seal(copy));
        return copy;
    }

    private static Path seal(Path db) {
        return db.resolveSibling(db.getFileName().toString().replace(".mv.db", ".seal"));
    }
}
