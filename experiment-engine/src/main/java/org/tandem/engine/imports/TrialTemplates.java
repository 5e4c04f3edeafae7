package org.tandem.engine.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;

/**
 * The protocol's conditions, one planned trial each (from the protocol as written and from each of its variants), by
 * their factor levels: an imported row becomes the trial of the condition its levels name, with the same levels, stimuli
 * and correct answer a trial planned by Tandem has.
 */
final class TrialTemplates {
    private final Protocol protocol;
    private final Map<Map<String, String>, Trial> byLevels = new LinkedHashMap<>();

    TrialTemplates(Protocol protocol) {
        this.protocol = protocol;
        List<String> variants = new ArrayList<>();
        variants.add(null);
        protocol.variants().forEach(v -> variants.add(v.name()));
        for (String variant : variants) {
            for (Trial trial : Planner.plan(protocol, variant, 0).trials()) {
                if (!trial.practice()) {
                    byLevels.putIfAbsent(normalised(trial.levels()), trial);
                }
            }
        }
    }

    /** The protocol's factor names, in its order. */
    List<String> factors() {
        return protocol.factors().stream().map(Protocol.Factor::name).toList();
    }

    /** Whether a factor's levels are percent, so that a fraction in an export is scaled by 100. */
    boolean percent(String factor) {
        return "%".equals(protocol.factor(factor).unit());
    }

    /** The planned trial with these levels, or null when the protocol has no such condition. */
    Trial of(Map<String, String> levels) {
        return byLevels.get(normalised(levels));
    }

    /** The levels the protocol has for a factor, for messages. */
    String levelsOf(String factor) {
        return String.join(", ", byLevels.keySet().stream().map(l -> l.get(factor)).distinct().toList());
    }

    /** The same level however it is written: "50", "50.0" and "5E+1" are one level. */
    static String level(String value) {
        try {
            return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value.strip();
        }
    }

    private static Map<String, String> normalised(Map<String, String> levels) {
        Map<String, String> out = new LinkedHashMap<>();
        levels.forEach((k, v) -> out.put(k, level(v)));
        return out;
    }
}
