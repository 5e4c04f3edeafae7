package org.tandem.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tandem.observer.faceapi.FaceApiNetwork;
import org.tandem.observer.human.HumanModel;
import org.tandem.protocols.TandemException;

/**
 * The networks {@code tandem bench observer} times, by name: the face-api networks ({@code expression},
 * {@code recognition}, {@code agegender}, {@code landmarks}) and the human-models networks ({@code human:emotion} …
 * {@code human:centernet}).
 */
public final class BenchNetworks {
    public static final String HUMAN_PREFIX = "human:";

    private BenchNetworks() {
    }

    /** Every name, face-api's first. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        Arrays.stream(FaceApiNetwork.values()).map(FaceApiNetwork::specName).forEach(names::add);
        Arrays.stream(HumanModel.values()).map(m -> HUMAN_PREFIX + m.specName()).forEach(names::add);
        return names;
    }

    /** The name as given, checked; one line listing the names otherwise. */
    public static String check(String name) {
        String trimmed = name.trim();
        if (!all().contains(trimmed)) {
            throw new TandemException("--networks: '" + name + "' is not a network Tandem times; use "
                    + String.join(", ", all()));
        }
        return trimmed;
    }

    static boolean isHuman(String name) {
        return name.startsWith(HUMAN_PREFIX);
    }

    static FaceApiNetwork faceApi(String name) {
        return Arrays.stream(FaceApiNetwork.values()).filter(n -> n.specName().equals(name)).findFirst().orElseThrow();
    }
}
