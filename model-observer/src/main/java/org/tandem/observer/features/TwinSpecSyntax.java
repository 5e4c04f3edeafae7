package org.tandem.observer.features;

import java.util.function.BiFunction;
import org.tandem.protocols.TandemException;

/**
 * The grammar the network families with untrained twins share: {@code PREFIX:NAME}, or {@code PREFIX:NAME:untrained}
 * with an optional {@code ?seed=N} (seed 1 when not given).
 */
public final class TwinSpecSyntax {
    public static final long DEFAULT_SEED = 1;
    public static final String SEED_OPTION = "seed";

    /** A spec taken apart: the network's name, whether it is the untrained twin, the twin's seed. */
    public record Parts(String name, boolean untrained, long seed) {
    }

    private TwinSpecSyntax() {
    }

    /**
     * @param invalid makes the error for the spec and the reason it is not valid
     */
    public static Parts parse(String spec, String prefix, BiFunction<String, String, TandemException> invalid) {
        String s = spec.trim();
        if (!s.startsWith(prefix)) {
            throw invalid.apply(spec, "it must start with '" + prefix + "'");
        }
        String rest = s.substring(prefix.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String[] parts = rest.split(":", -1);
        boolean untrained = parts.length == 2 && parts[1].equals("untrained");
        if (parts.length > 2 || parts.length == 2 && !untrained) {
            throw invalid.apply(spec, "only ':untrained' may follow the network name");
        }
        long seed = DEFAULT_SEED;
        if (query != null) {
            if (!untrained) {
                throw invalid.apply(spec, "'?seed=N' applies to untrained networks only");
            }
            if (!query.startsWith(SEED_OPTION + "=")) {
                throw invalid.apply(spec, "the only option is '?seed=N'");
            }
            String value = query.substring(SEED_OPTION.length() + 1);
            try {
                seed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid.apply(spec, "the seed '" + value + "' is not a whole number");
            }
        }
        return new Parts(parts[0], untrained, seed);
    }
}
