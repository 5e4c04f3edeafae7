package org.tandem.engine.rsa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.rsa.ConditionMeans;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.rsa.RankCorrelation;
import org.tandem.analysis.rsa.Rdm;
import org.tandem.analysis.rsa.RdmComparison;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.layers.PooledLayers;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.engine.units.UnitSurvey;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.TrainingImages;

/**
 * The RDMs of networks' layers over an identity × expression set: every image goes through each network once per
 * batch for all its layers; per layer, the RDM of the expressions' mean patterns, and the image RDM tested against the
 * "same expression" and "same identity" model RDMs by Kendall's τ_a with a permutation test.
 */
public final class RsaSurvey {
    static final String SAME_EXPRESSION = "same expression";
    static final String SAME_IDENTITY = "same identity";

    /** How dissimilarity is measured. */
    public enum Distance {
        CORRELATION("1 − Pearson r"), EUCLIDEAN("Euclidean");

        private final String label;

        Distance(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Rdm rdm(List<String> labels, float[][] patterns) {
            return this == CORRELATION ? Rdm.correlation(labels, patterns) : Rdm.euclidean(labels, patterns);
        }
    }

    /** Reports progress: images read by a network. */
    public interface Progress {
        void imagesRead(String network, int done, int total);
    }

    private RsaSurvey() {
    }

    /**
     * @param networks     each network's spec, mapped to the network it is a control of (or null)
     * @param layers       the layers to read in every network (null: each network's block layers)
     * @param permutations relabellings per model test
     */
    public static List<LayerRdms> run(Map<String, String> networks, List<String> layers, TrainingImages images,
                                      LayerPooling pooling, Distance distance, int permutations, long seed,
                                      Progress progress) {
        UnitSurvey.Design design = UnitSurvey.Design.of(images);
        int n = design.crops().size();
        String[] expressionOf = new String[n];
        String[] identityOf = new String[n];
        List<String> imageLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expressionOf[i] = design.expressions().get(design.expression()[i]);
            identityOf[i] = design.identities().get(design.identity()[i]);
            imageLabels.add(identityOf[i] + "/" + expressionOf[i]);
        }
        Rdm sameExpression = Rdm.categorical(imageLabels, expressionOf);
        Rdm sameIdentity = Rdm.categorical(imageLabels, identityOf);
        List<LayerRdms> out = new ArrayList<>();
        for (Map.Entry<String, String> spec : networks.entrySet()) {
            try (FeatureNetwork network = FeatureNetworks.open(spec.getKey(), new ReferenceUnitSelector())) {
                List<String> chosen = layers == null ? network.blockLayers() : layers;
                int[] done = {0};
                Map<String, float[][]> rows = PooledLayers.read(network, chosen, design.crops(), pooling, k -> {
                    done[0] += k;
                    progress.imagesRead(network.id(), done[0], n);
                });
                for (String layer : chosen) {
                    float[][] r = rows.remove(layer);
                    Rdm expressions = distance.rdm(design.expressions(),
                            ConditionMeans.of(design.expressions(), expressionOf, r));
                    Rdm imageRdm = distance.rdm(imageLabels, r);
                    out.add(new LayerRdms(network.id(), network.trainedFor(), spec.getValue(), layer, r[0].length,
                            design.expressions(), expressions.values(), List.of(
                            fit(SAME_EXPRESSION, imageRdm, sameExpression, permutations, seed),
                            fit(SAME_IDENTITY, imageRdm, sameIdentity, permutations, seed))));
                }
            }
        }
        return out;
    }

    private static LayerRdms.ModelFit fit(String name, Rdm images, Rdm model, int permutations, long seed) {
        RdmComparison.PermutationTest t = RdmComparison.permutationTest(images, model, RankCorrelation.KENDALL_TAU_A,
                permutations, seed);
        return new LayerRdms.ModelFit(name, t.observed().value(), t.p(), t.permutations(), t.observed().entries());
    }
}
