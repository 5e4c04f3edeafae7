package org.tandem.observer.features;

import java.util.Set;

/**
 * One kind of network spec, recognised by its prefix (the text before the first colon, e.g. {@code faceapi}). New kinds
 * of networks join {@link FeatureNetworks} by adding a family there.
 */
public interface NetworkFamily {

    /** The spec prefix, without the colon, e.g. {@code faceapi}. */
    String prefix();

    /** The {@code ?name=value} options the family's specs take (e.g. {@code seed}); an observer spec passes them through. */
    Set<String> options();

    /** Checks a spec of this family without loading anything and returns its canonical spelling. */
    String canonical(String spec);

    /** Loads the network a spec names. */
    FeatureNetwork open(String spec);
}
