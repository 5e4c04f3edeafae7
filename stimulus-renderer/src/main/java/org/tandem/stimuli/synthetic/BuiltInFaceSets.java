package org.tandem.stimuli.synthetic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.protocols.TandemException;

/**
 * The built-in face sets by name: {@code varied-faces}, the default of the built-in protocols, and {@code
 * synthetic-faces}, the plain drawings earlier sessions were run with (kept pixel for pixel).
 */
public final class BuiltInFaceSets {
    public static final List<String> NAMES = List.of(VariedFaces.SET_NAME, SyntheticFaces.SET_NAME);
    public static final String DEFAULT = VariedFaces.SET_NAME;
    /** Images each default set keeps once drawn: the built-in protocols' and readout faces together, with room. */
    static final int REMEMBERED = 512;
    private static final Map<String, FaceSet> DEFAULTS = new ConcurrentHashMap<>();

    private BuiltInFaceSets() {
    }

    public static boolean isBuiltIn(String name) {
        return NAMES.contains(name);
    }

    /** The set at the given size (pixels) and set seed. */
    public static FaceSet open(String name, int size, long seed) {
        return switch (name) {
            case VariedFaces.SET_NAME -> new VariedFaces(size, seed);
            case SyntheticFaces.SET_NAME -> new SyntheticFaces(size, seed);
            default -> throw new TandemException("no built-in face set named '" + name + "'; the built-in sets are " + NAMES);
        };
    }

    /**
     * The set as the built-in protocols show it: 256 × 256 pixels, set seed 1. One instance per set for the whole run,
     * which keeps the faces it has drawn ({@link RememberedFaceSet}).
     */
    public static FaceSet defaults(String name) {
        FaceSet opened = open(name, SyntheticFaces.DEFAULT_SIZE, SyntheticFaces.DEFAULT_SEED);
        return DEFAULTS.computeIfAbsent(name, n -> new RememberedFaceSet(opened, REMEMBERED));
    }
}
