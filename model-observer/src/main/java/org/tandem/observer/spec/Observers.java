package org.tandem.observer.spec;

import org.tandem.observer.decision.AbxDistanceObserver;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.ExpressionNetworkObserver;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;

/**
 * Opens the model observer an {@link ObserverSpec} names for a task: classification and two-AFC trials are answered by
 * the expression network's own outputs ({@link ExpressionNetworkObserver}, with the decision rule), ABX trials by feature
 * distances in a layer of any network ({@link AbxDistanceObserver}, with the spec's distance and noise). The observer's id
 * is the spec's canonical spelling, so a stored session re-opens the same observer.
 */
public final class Observers {
    private static final String FACEAPI = "faceapi:";

    private Observers() {
    }

    /**
     * @param sessionSeed the seed of the session, from which an ABX observer draws its decision noise
     * @param rule        how classification and two-AFC answers are chosen; ABX takes only {@code argmax}
     */
    public static Observer open(ObserverSpec spec, Task task, CropSource crops, long sessionSeed, DecisionRule rule) {
        if (task instanceof Task.Abx abx) {
            if (!(rule instanceof DecisionRule.Argmax)) {
                throw new TandemException("the decision rule '" + rule.describe() + "' applies to classification and"
                        + " two-afc; an ABX observer chooses the nearer stimulus, so give its decision noise in the"
                        + " observer spec instead, e.g. " + new ObserverSpec(spec.model(), spec.layer(), spec.distance(), 0.1));
            }
            FeatureNetwork net = FeatureNetworks.open(spec.model());
            try {
                String layer = spec.layer() != null ? spec.layer() : net.defaultLayer();
                return new AbxDistanceObserver(spec.toString(), abx, net, true, layer, spec.distance(), spec.noise(),
                        sessionSeed, crops);
            } catch (RuntimeException e) {
                net.close();
                throw e;
            }
        }
        if (spec.readsFeatures()) {
            throw new TandemException("observer '" + spec + "': layer, distance and noise are options of ABX observers;"
                    + " classification and two-afc trials are answered from the expression network's outputs, so give "
                    + spec.model() + " without them");
        }
        if (!spec.model().startsWith(FACEAPI)) {
            throw new TandemException("observer '" + spec + "': classification and two-afc trials are answered by"
                    + " faceapi:expression (or its untrained twin) for now; other networks answer ABX trials");
        }
        return ExpressionNetworkObserver.open(spec.model(), task, crops, rule);
    }
}
