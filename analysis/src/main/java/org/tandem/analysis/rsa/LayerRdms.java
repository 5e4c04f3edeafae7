package org.tandem.analysis.rsa;

import java.util.List;

/**
 * One layer's representational geometry over a set of faces: the RDM between the mean patterns of the expressions
 * (what people's confusions are compared with), and how the RDM between single images matches the model RDMs
 * "same expression" and "same identity".
 *
 * @param network       the network's spec
 * @param trainedFor    what it was trained for ({@code untrained}, {@code …, weights shuffled} for the controls)
 * @param controlOf     the trained network this one is a control of, or null
 * @param layer         the layer
 * @param units         units per image
 * @param expressions   the conditions of {@code expressionRdm}
 * @param expressionRdm dissimilarities between the expressions' mean patterns (NaN where undefined)
 * @param models        the image RDM against each model RDM
 */
public record LayerRdms(String network, String trainedFor, String controlOf, String layer, int units,
                        List<String> expressions, double[][] expressionRdm, List<ModelFit> models) {

    /** The expression RDM as an {@link Rdm}. */
    public Rdm rdm() {
        return Rdm.of(expressions, expressionRdm);
    }

    /**
     * @param model        {@code same expression} or {@code same identity}
     * @param tauA         Kendall's τ_a between the image RDM and the model (Nili et al.'s choice for categorical models)
     * @param p            its one-sided permutation p (images relabelled)
     * @param permutations relabellings drawn
     * @param entries      image pairs used
     */
    public record ModelFit(String model, double tauA, double p, long permutations, int entries) {
    }
}
