package org.tandem.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.engine.layers.LayerSweeper;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Option;

/**
 * {@code --untrained}, {@code --shuffled} and their seeds: the controls of the commands that compare networks with
 * their untrained twins and weight-shuffled copies.
 */
final class TwinOptions {
    @Option(names = "--untrained", description = "Add each face-api or human-models network's untrained twin.")
    boolean untrained;

    @Option(names = "--twin-seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the twins' weights (default: ${DEFAULT-VALUE}).")
    long twinSeed;

    @Option(names = "--shuffled", description = "Add each trained face-api network with every layer's weights"
            + " shuffled (?shuffle=all): keeps each layer's weight distribution, destroys what training arranged.")
    boolean shuffled;

    @Option(names = "--shuffle-seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the weight shuffles (default: ${DEFAULT-VALUE}).")
    long shuffleSeed;

    /**
     * The networks as given (blank and repeated ones left out), then with {@code --untrained} each one's twin and with
     * {@code --shuffled} each one's shuffled copy; each spec maps to the spec it is a control of, or null.
     */
    Map<String, String> withTwins(List<String> specs) {
        if (shuffled && given(specs).stream().noneMatch(s -> shuffledSpec(s, shuffleSeed) != null)) {
            throw new TandemException("--shuffled shuffles trained faceapi networks; --model names none");
        }
        Map<String, String> all = new LinkedHashMap<>();
        List<String> given = given(specs);
        given.forEach(s -> all.put(s, null));
        if (untrained) {
            for (String s : new ArrayList<>(given)) {
                String twin = LayerSweeper.twinSpec(s, twinSeed);
                if (twin != null && !all.containsKey(twin)) {
                    all.put(twin, s);
                }
            }
        }
        if (shuffled) {
            for (String s : given) {
                String control = shuffledSpec(s, shuffleSeed);
                if (control != null && !all.containsKey(control)) {
                    all.put(control, s);
                }
            }
        }
        return all;
    }

    private static List<String> given(List<String> specs) {
        return specs.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The weight-shuffled control of a trained face-api network, or null for any other spec. */
    static String shuffledSpec(String spec, long seed) {
        boolean trainedFaceApi = spec.startsWith("faceapi:") && !spec.contains("?") && !spec.endsWith(":untrained");
        return trainedFaceApi ? spec + "?shuffle=all&seed=" + seed : null;
    }
}
