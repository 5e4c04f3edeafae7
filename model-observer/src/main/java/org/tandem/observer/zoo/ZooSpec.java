package org.tandem.observer.zoo;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * An architecture control: {@code zoo:ARCH[?seed=N][&size=S]}, e.g. {@code zoo:vgg16?seed=3}. Weights are Xavier-uniform
 * from the seed (1 by default); inputs are resized to {@code S x S} pixels (224, ImageNet's size, by default).
 */
public record ZooSpec(ZooArchitecture architecture, int seed, int size) {
    public static final String PREFIX = "zoo:";
    public static final int DEFAULT_SEED = 1;
    public static final int DEFAULT_SIZE = 224;
    /** Five 2x poolings take 32 pixels to one; smaller inputs vanish before the classifier. */
    public static final int MIN_SIZE = 32;

    public static ZooSpec parse(String spec) {
        if (!spec.startsWith(PREFIX)) {
            throw invalid(spec, "it must start with 'zoo:'");
        }
        String rest = spec.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String name = q < 0 ? rest : rest.substring(0, q);
        ZooArchitecture architecture = ZooArchitecture.fromSpec(name)
                .orElseThrow(() -> invalid(spec, "'" + name + "' is not a zoo architecture"));
        int seed = DEFAULT_SEED;
        int size = DEFAULT_SIZE;
        if (q >= 0) {
            for (String option : rest.substring(q + 1).split("&")) {
                String[] kv = option.split("=", 2);
                String value = kv.length == 2 ? kv[1] : "";
                switch (kv[0]) {
                    case "seed" -> seed = number(spec, "seed", value);
                    case "size" -> size = number(spec, "size", value);
                    default -> throw invalid(spec, "unknown option '" + kv[0] + "'; the options are seed and size");
                }
            }
        }
        if (size < MIN_SIZE || size > 1024) {
            throw invalid(spec, "size " + size + " is outside " + MIN_SIZE + "..1024 pixels");
        }
        return new ZooSpec(architecture, seed, size);
    }

    /** The canonical spelling, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return PREFIX + architecture.specName() + "?seed=" + seed + "&size=" + size;
    }

    /** Whole numbers that fit an int: PyTorch's seed, as DJL passes it, is an int. */
    private static int number(String spec, String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(spec, "the " + option + " '" + value + "' is not a whole number from -2147483648 to"
                    + " 2147483647");
        }
    }

    private static TandemException invalid(String spec, String why) {
        String names = Arrays.stream(ZooArchitecture.values()).map(ZooArchitecture::specName)
                .collect(Collectors.joining(", "));
        return new TandemException("model spec '" + spec + "' is not valid: " + why + "; write zoo:ARCH[?seed=N][&size=S]"
                + ", where ARCH is one of " + names);
    }
}
