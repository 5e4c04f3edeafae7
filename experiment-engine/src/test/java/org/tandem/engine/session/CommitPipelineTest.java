package org.tandem.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.NewSession;
import org.tandem.data.SessionStatus;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** Background commits: the gate stays shut until a commit returns, and a failed commit ends the session. */
class CommitPipelineTest {
    private static final String PROTOCOL = "expression-6way";
    private static final Raster GREY = new Raster(2, 2, new byte[12]);
    private final Protocol protocol = BuiltinProtocols.resolve(PROTOCOL).read();
    private final RuleObserver rule = new RuleObserver(protocol);
    private TandemStore store;

    @BeforeEach
    void openStore(@TempDir Path dir) {
        store = TandemStore.open(new StoreOptions(dir.resolve("commits.mv.db"), null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theGateOpensOnlyWhenTheCommitHasReturned() throws Exception {
        CountDownLatch commitMayReturn = new CountDownLatch(1);
        CountDownLatch committing = new CountDownLatch(1);
        try (CommitPipeline commits = new CommitPipeline()) {
            assertThat(commits.stored()).isTrue();
            commits.submit(() -> {
                committing.countDown();
                await(commitMayReturn);
            });
            committing.await();
            assertThat(commits.stored()).isFalse();
            commitMayReturn.countDown();
            commits.await();
            assertThat(commits.stored()).isTrue();
        }
    }

    @Test
    void aFailedCommitIsRethrownToWhoeverWaitsNext() {
        try (CommitPipeline commits = new CommitPipeline()) {
            commits.submit(() -> {
                throw new TandemException("trial 3 is already recorded");
            });
            assertThatThrownBy(commits::await).isInstanceOf(TandemException.class)
                    .hasMessage("trial 3 is already recorded");
        }
        try (CommitPipeline commits = new CommitPipeline()) {
            commits.submit(() -> {
                throw new TandemException("disk full");
            });
            assertThatThrownBy(() -> commits.submit(() -> { })).hasMessage("disk full");
        }
    }

    @Test
    void everyTrialIsStoredBeforeTheNextOneBegins() {
        List<Integer> storedAtStart = new ArrayList<>();
        PollingObserver observer = new PollingObserver(rule, (trial, gate) -> {
            while (!gate.stored()) {
                Thread.onSpinWait();
            }
            storedAtStart.add(store.trials(store.sessions().get(0).sessionId()).size());
        });
        TrialPlan plan = Planner.plan(protocol, 5);
        String sessionId = new SessionRunner(store, ref -> GREY, SessionProgress.NONE)
                .start(session(plan), observer);

        List<Integer> everyEarlierTrial = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            everyEarlierTrial.add(i);
        }
        assertThat(storedAtStart).isEqualTo(everyEarlierTrial);
        assertThat(store.trials(sessionId)).hasSize(plan.size());
        assertThat(store.sessions().get(0).status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void aCommitTheDatabaseRefusesStopsTheSessionBeforeTheNextTrial() {
        List<Integer> begun = new ArrayList<>();
        PollingObserver observer = new PollingObserver(rule, (trial, gate) -> {
            gate.await();
            begun.add(trial.index());
            if (trial.index() == 3) {
                // the database then refuses the runner's commit of trial 3 as a duplicate
                Response own = rule.respond(trial, Collections.nCopies(trial.stimuli().size(), GREY));
                store.commitTrial(store.sessions().get(0).sessionId(), trial, own);
            }
        });
        SessionRunner runner = new SessionRunner(store, ref -> GREY, SessionProgress.NONE);
        assertThatThrownBy(() -> runner.start(session(Planner.plan(protocol, 5)), observer))
                .isInstanceOf(TandemException.class).hasMessageContaining("already recorded");
        assertThat(begun).containsExactly(0, 1, 2, 3);
        assertThat(store.trials(store.sessions().get(0).sessionId())).hasSize(4);
    }

    @Test
    void aNetworksTrialsAreCommittedABlockAtATime(@TempDir Path dir) {
        TrialPlan plan = Planner.plan(protocol, 5);
        List<Integer> reported = new ArrayList<>();
        List<Integer> storedWhenReported = new ArrayList<>();
        long networkWrites = writesOfOneSession(dir.resolve("network.mv.db"), plan, ObserverKind.MODEL,
                reported, storedWhenReported);
        long personWrites = writesOfOneSession(dir.resolve("person.mv.db"), plan, ObserverKind.HUMAN,
                new ArrayList<>(), new ArrayList<>());

        List<Integer> chunkEnds = SessionCrashTest.chunkEnds(plan);
        assertThat(chunkEnds.size()).as("the plan has several blocks").isGreaterThan(1).isLessThan(plan.size() / 10);
        // each trial is reported once its whole chunk is on disk
        for (int i = 0; i < plan.size(); i++) {
            assertThat(storedWhenReported.get(i)).isGreaterThanOrEqualTo(reported.get(i));
            assertThat(chunkEnds).contains(storedWhenReported.get(i));
        }
        // a person's session writes its start, once per trial and its end; a network's once per chunk, the first chunk
        // with the session's start and the last with its completion
        assertThat(personWrites - networkWrites).isEqualTo(plan.size() + 2 - chunkEnds.size());
    }

    /** Runs one session of the rule observer answering as {@code kind}; returns the writes its file counts. */
    private long writesOfOneSession(Path file, TrialPlan plan, ObserverKind kind, List<Integer> reported,
                                    List<Integer> storedWhenReported) {
        try (TandemStore own = TandemStore.open(new StoreOptions(file, null))) {
            new SessionRunner(own, ref -> GREY, (trial, response, done, total) -> {
                reported.add(done);
                storedWhenReported.add(own.trials(own.sessions().get(0).sessionId()).size());
            }).start(session(plan), new RuleObserver(protocol, kind));
            assertThat(own.trials(own.sessions().get(0).sessionId())).hasSize(plan.size());
        }
        return TandemStore.check(new StoreOptions(file, null)).writes();
    }

    private NewSession session(TrialPlan plan) {
        return new NewSession("commit-test", protocol.id(), BuiltinProtocols.resolve(PROTOCOL).json(),
                Planner.protocolSha256(protocol), ObserverKind.MODEL, "test:rule-observer", null, 5, null, plan, Map.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers like {@link RuleObserver}, after {@code beforeTrial} has looked at the gate the runner passed; of kind
     * {@code human}, so its trials are committed one at a time as a person's are.
     */
    private record PollingObserver(RuleObserver rule, BiConsumer<Trial, DurabilityGate> beforeTrial)
            implements Observer {
        @Override
        public ObserverKind kind() {
            return ObserverKind.HUMAN;
        }

        @Override
        public String id() {
            return rule.id();
        }

        @Override
        public Response respond(Trial trial, List<Raster> images) {
            throw new AssertionError("the runner passes the gate to every trial");
        }

        @Override
        public Response respond(Trial trial, List<Raster> images, DurabilityGate earlierStored) {
            beforeTrial.accept(trial, earlierStored);
            return rule.respond(trial, images);
        }
    }
}
