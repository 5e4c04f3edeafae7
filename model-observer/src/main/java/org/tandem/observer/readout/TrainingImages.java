package org.tandem.observer.readout;

import java.util.List;

/**
 * A named set of labelled face images a readout is trained on, e.g. the built-in synthetic faces of identities no
 * protocol shows. The name is stored with the observer's description so a session says what its readout learnt from.
 */
public record TrainingImages(String name, List<TrainingImage> images) {
    public TrainingImages {
        images = List.copyOf(images);
    }
}
