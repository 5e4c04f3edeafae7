package org.tandem.stimuli.folder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tandem.protocols.plan.StimulusRef;

/**
 * A checked row of a manifest: where it is (line of the CSV row, or of the JSON object's opening brace) and what it says.
 * Exactly one of {@code expression} and {@code continuum} is set, {@code level} is set with the continuum only and is
 * canonical text (30.0 is "30"), and {@code file} is relative with {@code /} separators.
 */
public record ManifestRow(int line, String file, String identity, String expression, String continuum, String level,
                          Map<String, String> attributes) {

    public ManifestRow {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public StimulusEntry toEntry(String set) {
        StimulusRef ref = expression != null
                ? StimulusRef.prototype(set, identity, expression)
                : StimulusRef.morph(set, identity, continuum, level);
        return new StimulusEntry(file, ref, attributes);
    }
}
