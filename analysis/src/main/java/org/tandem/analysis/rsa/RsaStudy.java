package org.tandem.analysis.rsa;

import java.util.List;

/**
 * One {@code tandem rsa} run: the faces, how dissimilarity was measured and every layer's RDMs. Written as rsa.json;
 * {@code tandem analyze --rsa} adds it to a report and compares it with people's confusions.
 *
 * @param set          the faces' set
 * @param images       how many
 * @param distance     {@code 1 − Pearson r} or {@code Euclidean}
 * @param pooling      {@code every unit} or {@code channel means}
 * @param permutations relabellings per model test
 * @param seed         seeds the relabellings
 */
public record RsaStudy(String set, int images, String distance, String pooling, int permutations, long seed,
                       List<LayerRdms> layers) {
    public RsaStudy {
        layers = List.copyOf(layers);
    }
}
