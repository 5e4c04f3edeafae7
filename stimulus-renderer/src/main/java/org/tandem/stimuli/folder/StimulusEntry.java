package org.tandem.stimuli.folder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tandem.protocols.plan.StimulusRef;

/**
 * One image of a stimulus set: its file, relative to the set's folder with {@code /} between folder names, the stimulus
 * it shows, and any further attributes (e.g. KDEF session and view, RaFD gaze) in the order they were found.
 */
public record StimulusEntry(String file, StimulusRef ref, Map<String, String> attributes) {

    public StimulusEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ref, "ref");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    public static StimulusEntry of(String file, StimulusRef ref) {
        return new StimulusEntry(file, ref, Map.of());
    }
}
