package org.tandem.protocols.plan;

import java.util.Objects;

/** A stimulus in its role within a trial: {@code S} for a single image, {@code A}, {@code B}, {@code X} in ABX. */
public record ShownStimulus(String role, StimulusRef stimulus) {
    public ShownStimulus {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(stimulus, "stimulus");
    }
}
