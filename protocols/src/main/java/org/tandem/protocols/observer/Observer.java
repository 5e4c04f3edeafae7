package org.tandem.protocols.observer;

import java.util.List;
import org.tandem.protocols.plan.Trial;

/**
 * The seam that makes people and networks interchangeable: both answer the same {@link Trial} with the same
 * {@link Response}. The session runner knows nothing else about who is answering.
 */
public interface Observer extends AutoCloseable {

    ObserverKind kind();

    /** A stable id: the participant code for people, the model spec (e.g. {@code faceapi:expression}) for networks. */
    String id();

    /** Called before a block starts, e.g. so a presenter can upload the block's textures ahead of time. */
    default void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
    }

    /**
     * Answers one trial.
     *
     * @param images the trial's stimuli, in the order of {@link Trial#stimuli()}
     */
    Response respond(Trial trial, List<Raster> images);

    /**
     * Answers one trial while the previous trial may still be committing. The timed part of the trial must not start
     * before {@code earlierStored} is open; this default waits for it first, so an observer that has nothing to show
     * meanwhile behaves as if every commit were synchronous. The testing station keeps drawing its inter-trial blank
     * instead.
     */
    default Response respond(Trial trial, List<Raster> images, DurabilityGate earlierStored) {
        earlierStored.await();
        return respond(trial, images);
    }

    @Override
    default void close() {
    }
}
