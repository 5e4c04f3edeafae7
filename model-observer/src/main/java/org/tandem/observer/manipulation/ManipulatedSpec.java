package org.tandem.observer.manipulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;

/**
 * A network spec taken apart into the network itself and what is done to it, e.g.
 * {@code faceapi:expression?lesion=selective&layer=dense2} or {@code faceapi:recognition?shuffle=all&seed=2}. The
 * network's own options stay with it; {@code seed} belongs to an untrained twin's weights when the network is one
 * (a random lesion of a twin then draws its units with the same seed), otherwise to the manipulation.
 *
 * @param network      the network's spec without the manipulation options
 * @param manipulation what is done to it, or null
 */
public record ManipulatedSpec(String network, NetworkManipulation manipulation) {
    private static final String SYNTAX = "write NETWORK?lesion=expression-selective|identity-selective|random|UNITS.csv"
            + "&layer=L[&fill=zero|mean][&seed=N] or NETWORK?shuffle=GROUP[,GROUP…]|all[&seed=N]";

    /** Whether a spec names a manipulation (cheap: no network is loaded). */
    public static boolean manipulates(String spec) {
        return parse(spec).manipulation() != null;
    }

    public static ManipulatedSpec parse(String spec) {
        String s = spec.trim();
        int q = s.indexOf('?');
        if (q < 0) {
            return new ManipulatedSpec(s, null);
        }
        boolean twin = s.substring(0, q).endsWith(":untrained");
        Map<String, String> own = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String pair : s.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            boolean ours = NetworkManipulation.OPTIONS.contains(name) || name.equals(NetworkManipulation.SEED) && !twin;
            if (ours && eq > 0) {
                if (own.put(name, pair.substring(eq + 1)) != null) {
                    throw invalid(spec, "the option '" + name + "' is given twice");
                }
            } else {
                rest.add(pair);
            }
        }
        String network = s.substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
        if (own.isEmpty() || own.keySet().equals(java.util.Set.of(NetworkManipulation.SEED))) {
            return new ManipulatedSpec(s, null);
        }
        long seed = own.containsKey(NetworkManipulation.SEED) ? seed(spec, own.get(NetworkManipulation.SEED))
                : twin ? twinSeed(spec, rest) : NetworkManipulation.DEFAULT_SEED;
        try {
            return new ManipulatedSpec(network, manipulation(spec, own, seed, twin));
        } catch (TandemException e) {
            throw invalid(spec, e.getMessage());
        }
    }

    private static NetworkManipulation manipulation(String spec, Map<String, String> own, long seed, boolean twin) {
        boolean lesion = own.containsKey(NetworkManipulation.LESION);
        boolean shuffle = own.containsKey(NetworkManipulation.SHUFFLE);
        if (lesion && shuffle) {
            throw new TandemException("a spec names one manipulation: a lesion or a shuffle, not both");
        }
        if (shuffle) {
            if (twin) {
                throw new TandemException("an untrained twin's weights are random already; shuffle a trained network");
            }
            for (String option : List.of(NetworkManipulation.LAYER, NetworkManipulation.FILL)) {
                if (own.containsKey(option)) {
                    throw new TandemException("'" + option + "' is an option of lesions; a shuffle names its weight"
                            + " groups in shuffle=");
                }
            }
            List<String> groups = Arrays.stream(own.get(NetworkManipulation.SHUFFLE).split(",")).map(String::trim)
                    .toList();
            if (groups.stream().anyMatch(String::isEmpty)
                    || groups.contains(NetworkManipulation.Shuffle.ALL) && groups.size() > 1) {
                throw new TandemException("shuffle '" + own.get(NetworkManipulation.SHUFFLE) + "' must name weight"
                        + " groups separated by commas, or be all");
            }
            return new NetworkManipulation.Shuffle(groups, seed);
        }
        if (!lesion) {
            throw new TandemException("'" + String.join("', '", own.keySet()) + "' belong to a lesion; add lesion=");
        }
        String layer = own.get(NetworkManipulation.LAYER);
        if (layer == null || layer.isBlank()) {
            throw new TandemException("a lesion needs the layer whose units it silences: add layer=L");
        }
        LesionTarget target = LesionTarget.parse(own.get(NetworkManipulation.LESION));
        LesionFill fill = own.containsKey(NetworkManipulation.FILL) ? LesionFill.parse(own.get(NetworkManipulation.FILL))
                : LesionFill.ZERO;
        if (own.containsKey(NetworkManipulation.SEED) && !(target instanceof LesionTarget.Random)) {
            throw new TandemException("seed applies to a random lesion only");
        }
        return new NetworkManipulation.Lesion(target, layer, fill, seed);
    }

    /** The canonical spelling: the network's canonical spec, then the manipulation's options. */
    public String canonical(String canonicalNetwork) {
        if (manipulation == null) {
            return canonicalNetwork;
        }
        List<String> options = new ArrayList<>(manipulation.options());
        if (canonicalNetwork.contains("?")) {
            // an untrained twin's seed is in the network's spec already
            options.removeIf(o -> o.startsWith(NetworkManipulation.SEED + "="));
        }
        return canonicalNetwork + (canonicalNetwork.contains("?") ? "&" : "?") + String.join("&", options);
    }

    private static long twinSeed(String spec, List<String> networkOptions) {
        for (String pair : networkOptions) {
            if (pair.startsWith(NetworkManipulation.SEED + "=")) {
                return seed(spec, pair.substring(NetworkManipulation.SEED.length() + 1));
            }
        }
        return NetworkManipulation.DEFAULT_SEED;
    }

    private static long seed(String spec, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(spec, "the seed '" + value + "' is not a whole number");
        }
    }

    private static TandemException invalid(String spec, String why) {
        return new TandemException("network spec '" + spec + "' is not valid: " + why + "; " + SYNTAX);
    }
}
