package org.tandem.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.engine.layers.LayerSweeper;
import picocli.CommandLine.Option;

/** {@code --untrained} and {@code --twin-seed} of the commands that compare networks with their untrained twins. */
final class TwinOptions {
    @Option(names = "--untrained", description = "Add each face-api or human-models network's untrained twin.")
    boolean untrained;

    @Option(names = "--twin-seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the twins' weights (default: ${DEFAULT-VALUE}).")
    long twinSeed;

    /**
     * The networks as given (blank and repeated ones left out), then with {@code --untrained} each one's twin; each
     * spec maps to the spec it is a twin of, or null.
     */
    Map<String, String> withTwins(List<String> specs) {
        Map<String, String> all = new LinkedHashMap<>();
        List<String> given = specs.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        given.forEach(s -> all.put(s, null));
        if (untrained) {
            for (String s : new ArrayList<>(given)) {
                String twin = LayerSweeper.twinSpec(s, twinSeed);
                if (twin != null && !all.containsKey(twin)) {
                    all.put(twin, s);
                }
            }
        }
        return all;
    }
}
