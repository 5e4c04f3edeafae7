package org.tandem.observer.manipulation;

import java.nio.file.Path;
import org.tandem.protocols.TandemException;

/** Which units of a layer a lesion silences. */
public sealed interface LesionTarget {

    /** The spelling in a spec. */
    String specValue();

    /** The layer's expression-selective units (Zhou et al.'s rule on the reference images). */
    record ExpressionSelective() implements LesionTarget {
        @Override
        public String specValue() {
            return "expression-selective";
        }
    }

    /** The layer's identity-selective units (the mirror rule). */
    record IdentitySelective() implements LesionTarget {
        @Override
        public String specValue() {
            return "identity-selective";
        }
    }

    /** As many units as the layer has expression-selective ones, drawn at random with the lesion's seed: the control. */
    record Random() implements LesionTarget {
        @Override
        public String specValue() {
            return "random";
        }
    }

    /** The units a CSV file lists (a {@code unit} column, e.g. rows kept from {@code tandem units --per-unit}). */
    record Listed(Path file) implements LesionTarget {
        @Override
        public String specValue() {
            return file.toString();
        }
    }

    /** Reads a spec value: expression-selective (or selective), identity-selective, random or a .csv file. */
    public static LesionTarget parse(String value) {
        return switch (value) {
            case "selective", "expression-selective" -> new ExpressionSelective();
            case "identity-selective" -> new IdentitySelective();
            case "random" -> new Random();
            default -> {
                if (!value.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    throw new TandemException("lesion '" + value + "' is neither expression-selective (or selective),"
                            + " identity-selective, random nor a .csv file of units");
                }
                yield new Listed(Path.of(value).toAbsolutePath().normalize());
            }
        };
    }
}
