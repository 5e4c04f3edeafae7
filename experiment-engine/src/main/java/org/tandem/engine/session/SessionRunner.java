package org.tandem.engine.session;

import java.util.ArrayList;
import java.util.List;
import org.tandem.data.AnsweredTrial;
import org.tandem.data.NewSession;
import org.tandem.data.ResumePoint;
import org.tandem.data.SessionStatus;
import org.tandem.data.TandemStore;
import org.tandem.protocols.observer.DurabilityGate;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Runs a stored trial plan through any observer, person or network. A person's trials are committed one at a time on a
 * background thread ({@link CommitPipeline}), each stored before the next trial's timed part starts; a network's a block
 * at a time ({@link ModelCommits}).
 * The runner knows nothing about who answers; a crashed or aborted session resumes at its first trial without a record.
 */
public final class SessionRunner {
    private final TandemStore store;
    private final StimulusImages images;
    private final SessionProgress progress;

    public SessionRunner(TandemStore store, StimulusImages images, SessionProgress progress) {
        this.store = store;
        this.images = images;
        this.progress = progress;
    }

    /**
     * Stores a new session and runs it to the end; returns its id. A person's session is stored before the first trial,
     * a network's together with its first chunk of trials ({@link TandemStore#startSessionWith}): a network's session
     * that crashes before then leaves nothing behind, and is simply run again.
     */
    public String start(NewSession session, Observer observer) {
        if (observer.kind() == ObserverKind.MODEL) {
            String sessionId = TandemStore.newSessionId();
            runMissing(new Stored(sessionId, session), session.plan(), allIndices(session.plan()), observer);
            return sessionId;
        }
        String sessionId = store.startSession(session);
        runMissing(new Stored(sessionId, null), session.plan(), allIndices(session.plan()), observer);
        return sessionId;
    }

    /** Continues a stored session at its first trial without a record. */
    public void resume(String sessionId, Observer observer) {
        ResumePoint point = store.resume(sessionId);
        runMissing(new Stored(sessionId, null), point.plan(), point.missing(), observer);
    }

    /**
     * How far a session is in the store, as its commits (on the commit thread) leave it: a network's session is stored
     * with its first chunk and completed with its last.
     */
    private static final class Stored {
        final String sessionId;
        /** The session to store with the first chunk; null once it is stored (a person's: from the start). */
        volatile NewSession unstarted;
        volatile boolean completed;

        Stored(String sessionId, NewSession unstarted) {
            this.sessionId = sessionId;
            this.unstarted = unstarted;
        }
    }

    private void runMissing(Stored session, TrialPlan plan, List<Integer> missing, Observer observer) {
        try (CommitPipeline commits = new CommitPipeline()) {
            runMissing(session, plan, missing, observer, commits);
        }
        if (!session.completed) {
            store.finishSession(session.sessionId, SessionStatus.COMPLETED);
        }
    }

    /**
     * Trial i is committed in the background while the observer begins trial i + 1; the observer holds the timed part
     * of i + 1 until that commit has returned. Progress hears of a trial on the commit thread, right after its commit,
     * so what it reports is on disk, and whatever it throws stops the session like a failed commit.
     *
     * <p>A network's trials are committed a block at a time ({@link ModelCommits}): it has no timed part to hold, and
     * its answers can be computed again, so a crash costs at most the block in hand and resuming starts at that block's
     * first stored-missing trial. Its last chunk is committed together with the session's completion.
     *
     * <p>Stopped on purpose ({@link SessionAbortedException}), a session is stored as aborted with the trials committed
     * (a network's not yet stored is stored so, without trials), unless its last commit has completed it already.
     */
    private void runMissing(Stored session, TrialPlan plan, List<Integer> missing, Observer observer,
                            CommitPipeline commits) {
        String sessionId = session.sessionId;
        boolean byBlock = observer.kind() == ObserverKind.MODEL;
        DurabilityGate gate = byBlock ? DurabilityGate.STORED : commits;
        List<AnsweredTrial> pending = new ArrayList<>();
        int[] done = {plan.size() - missing.size()};
        try {
            String currentBlock = null;
            for (int i = 0; i < missing.size(); i++) {
                Trial trial = plan.trial(missing.get(i));
                if (!trial.block().equals(currentBlock)) {
                    currentBlock = trial.block();
                    observer.prepareBlock(remainingOfBlock(plan, missing, i), images);
                }
                pending.add(new AnsweredTrial(trial, observer.respond(trial, imagesOf(trial), gate)));
                boolean last = i + 1 == missing.size();
                if (!byBlock || last || ModelCommits.endsChunk(pending.size(), trial,
                        plan.trial(missing.get(i + 1)))) {
                    submit(commits, session, List.copyOf(pending), byBlock && last, done, plan.size());
                    pending.clear();
                }
            }
            commits.await();
        } catch (SessionAbortedException e) {
            commits.await();
            NewSession unstarted = session.unstarted;
            if (unstarted != null) {
                store.startSessionWith(unstarted, sessionId, List.of(), false);
            }
            if (!session.completed) {
                store.finishSession(sessionId, SessionStatus.ABORTED);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            settle(commits, e);
            throw e;
        }
    }

    /** @param completes whether the chunk is the session's last, committed with its completion */
    private void submit(CommitPipeline commits, Stored session, List<AnsweredTrial> chunk, boolean completes,
                        int[] done, int total) {
        String sessionId = session.sessionId;
        commits.submit(() -> {
            NewSession unstarted = session.unstarted;
            if (unstarted != null) {
                store.startSessionWith(unstarted, sessionId, chunk, completes);
                session.unstarted = null;
            } else if (completes) {
                store.commitLastTrials(sessionId, chunk);
            } else if (chunk.size() == 1) {
                store.commitTrial(sessionId, chunk.get(0).trial(), chunk.get(0).response());
            } else {
                store.commitTrials(sessionId, chunk);
            }
            session.completed = completes;
            for (AnsweredTrial answered : chunk) {
                progress.committed(answered.trial(), answered.response(), ++done[0], total);
            }
        });
    }

    /** Waits for a commit in flight when the session fails for another reason, keeping that reason first. */
    private static void settle(CommitPipeline commits, Throwable failure) {
        try {
            commits.await();
        } catch (RuntimeException | Error commitFailure) {
            if (commitFailure != failure) {
                failure.addSuppressed(commitFailure);
            }
        }
    }

    /** The trials still to run in the block that starts at position {@code from} of the missing list. */
    private static List<Trial> remainingOfBlock(TrialPlan plan, List<Integer> missing, int from) {
        String block = plan.trial(missing.get(from)).block();
        List<Trial> trials = new ArrayList<>();
        for (int i = from; i < missing.size() && plan.trial(missing.get(i)).block().equals(block); i++) {
            trials.add(plan.trial(missing.get(i)));
        }
        return trials;
    }

    private List<Raster> imagesOf(Trial trial) {
        List<Raster> rasters = new ArrayList<>(trial.stimuli().size());
        for (ShownStimulus shown : trial.stimuli()) {
            rasters.add(images.image(shown.stimulus()));
        }
        return rasters;
    }

    private static List<Integer> allIndices(TrialPlan plan) {
        List<Integer> all = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            all.add(i);
        }
        return all;
    }
}
