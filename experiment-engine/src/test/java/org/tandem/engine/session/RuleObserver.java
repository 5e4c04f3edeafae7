package org.tandem.engine.session;

import java.util.List;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;

/**
 * TEST-ONLY simulated observer: answers each trial by a fixed rule on its id, so a test can recompute every stored answer.
 * It stands in for neither a person nor a network in anything but session-mechanics tests.
 */
final class RuleObserver implements Observer {
    private final List<String> labels;
    private final ObserverKind kind;

    RuleObserver(Protocol protocol) {
        this(protocol, ObserverKind.MODEL);
    }

    /** @param kind whom it answers like: a network's trials are committed a block at a time, a person's one by one */
    RuleObserver(Protocol protocol, ObserverKind kind) {
        this.labels = protocol.task().labels().stream().map(Task.ResponseOption::label).toList();
        this.kind = kind;
    }

    static String expectedAnswer(List<String> labels, Trial trial) {
        return labels.get(Math.floorMod(trial.id().hashCode(), labels.size()));
    }

    @Override
    public ObserverKind kind() {
        return kind;
    }

    @Override
    public String id() {
        return "test:rule-observer";
    }

    @Override
    public Response respond(Trial trial, List<Raster> images) {
        if (images.size() != trial.stimuli().size()) {
            throw new IllegalStateException("trial " + trial.id() + " got " + images.size() + " images");
        }
        return new Response(expectedAnswer(labels, trial), 100.0 + trial.index(), null, null);
    }
}
