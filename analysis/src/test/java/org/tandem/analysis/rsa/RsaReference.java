package org.tandem.analysis.rsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code rsa/rsa-reference.json}, the NumPy/SciPy values made by {@code make-rsa-reference.py} beside it. */
final class RsaReference {
    private static JsonNode root;

    private RsaReference() {
    }

    /** A top-level section of the fixture. */
    static synchronized JsonNode section(String name) {
        if (root == null) {
            try (InputStream in = RsaReference.class.getResourceAsStream("/rsa/rsa-reference.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root.get(name);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The script writes NaN as null. */
    static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).isNull() ? Double.NaN : array.get(k).asDouble();
        }
        return out;
    }

    /** The key under which the fixture stores a statistic's values. */
    static String key(RankCorrelation statistic) {
        return statistic == RankCorrelation.SPEARMAN ? "spearman" : "kendallTauA";
    }
}
