package org.tandem.engine.session;

import java.util.ArrayList;
import java.util.List;
import org.tandem.data.NewSession;
import org.tandem.data.ResumePoint;
import org.tandem.data.SessionStatus;
import org.tandem.data.TandemStore;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Runs a stored trial plan through any observer, person or network, committing each trial before the next starts.
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

    /** Stores a new session and runs it to the end; returns its id. */
    public String start(NewSession session, Observer observer) {
        String sessionId = store.startSession(session);
        runMissing(sessionId, session.plan(), allIndices(session.plan()), observer);
        return sessionId;
    }

    /** Continues a stored session at its first trial without a record. */
    public void resume(String sessionId, Observer observer) {
        ResumePoint point = store.resume(sessionId);
        runMissing(sessionId, point.plan(), point.missing(), observer);
    }

    private void runMissing(String sessionId, TrialPlan plan, List<Integer> missing, Observer observer) {
        int done = plan.size() - missing.size();
        try {
            String currentBlock = null;
            for (int i = 0; i < missing.size(); i++) {
                Trial trial = plan.trial(missing.get(i));
                if (!trial.block().equals(currentBlock)) {
                    currentBlock = trial.block();
                    observer.prepareBlock(remainingOfBlock(plan, missing, i), images);
                }
                Response response = observer.respond(trial, imagesOf(trial));
                store.commitTrial(sessionId, trial, response);
                progress.committed(trial, response, ++done, plan.size());
            }
        } catch (SessionAbortedException e) {
            store.finishSession(sessionId, SessionStatus.ABORTED);
            throw e;
        }
        store.finishSession(sessionId, SessionStatus.COMPLETED);
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
