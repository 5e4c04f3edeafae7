package org.tandem.engine.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.units.IdentityUnits;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.UnitAnova;
import org.tandem.analysis.units.UnitTuning;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.layers.PooledLayers;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.PopulationDecoding;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Finds the expression- and identity-selective units of networks' layers (Zhou et al.): every image of an identity ×
 * expression design goes through the network once per batch for all its layers, and each unit gets its two-way ANOVA
 * and its tuning values.
 */
public final class UnitSurvey {

    /** The images' design: which identity and expression each shows, indices into the sorted names. */
    public record Design(List<String> identities, List<String> expressions, int[] identity, int[] expression,
                  List<Raster> crops) {
        public static Design of(TrainingImages images) {
            List<TrainingImage> usable = images.images().stream().filter(i -> i.expression() != null).toList();
            List<String> identities = usable.stream().map(i -> i.stimulus().identity()).distinct().sorted().toList();
            List<String> expressions = usable.stream().map(TrainingImage::expression).distinct().sorted().toList();
            if (identities.size() < 2 || expressions.size() < 2) {
                throw new TandemException(images.name() + " shows " + identities.size() + " identities and "
                        + expressions.size() + " expressions; the test needs at least 2 of each");
            }
            int[] identity = usable.stream().mapToInt(i -> identities.indexOf(i.stimulus().identity())).toArray();
            int[] expression = usable.stream().mapToInt(i -> expressions.indexOf(i.expression())).toArray();
            if (usable.size() != identities.size() * expressions.size()) {
                throw new TandemException(images.name() + " has " + usable.size() + " images of " + identities.size()
                        + " identities × " + expressions.size() + " expressions; the test (two-way ANOVA without"
                        + " replication) needs exactly one image of every identity with every expression");
            }
            return new Design(identities, expressions, identity, expression,
                    usable.stream().map(TrainingImage::crop).toList());
        }
    }

    /** Reports progress: images read by a network. */
    public interface Progress {
        void imagesRead(String network, int done, int total);
    }

    private UnitSurvey() {
    }

    /**
     * @param layers   the layers to test in every network (null: each network's block layers)
     * @param decoding how expression is decoded from each layer's units, or null for no decoding
     */
    public static List<LayerSelectivity> run(List<String> networks, List<String> layers, TrainingImages images,
                                             LayerPooling pooling, double alphaExpression, double alphaIdentity,
                                             PopulationDecoding.Options decoding, Progress progress) {
        Design design = Design.of(images);
        List<LayerSelectivity> out = new ArrayList<>();
        for (String spec : networks) {
            try (FeatureNetwork network = FeatureNetworks.open(spec, new ReferenceUnitSelector())) {
                List<String> chosen = layers == null ? network.blockLayers() : layers;
                int[] done = {0};
                Map<String, float[][]> rows = PooledLayers.read(network, chosen, design.crops(), pooling, n -> {
                    done[0] += n;
                    progress.imagesRead(network.id(), done[0], design.crops().size());
                });
                for (String layer : chosen) {
                    UnitAnova.Result anova = UnitAnova.of(rows.get(layer), design.identity(), design.expression(),
                            design.identities().size(), design.expressions().size());
                    UnitTuning.Result tuning = UnitTuning.of(rows.get(layer), design.expression(),
                            design.expressions().size());
                    IdentityUnits.Result identity = IdentityUnits.of(rows.get(layer), design.identity(),
                            design.identities().size(), alphaIdentity, IdentityUnits.PAPER_SD_THRESHOLD);
                    LayerUnits.Decoding decoded = decoding == null ? null : LayerDecoding.of(rows.get(layer), design,
                            LayerSelectivity.expressionSelective(anova, alphaExpression, alphaIdentity), decoding);
                    out.add(LayerSelectivity.of(network.id(), network.trainedFor(), layer, anova, tuning,
                            design.expressions(), alphaExpression, alphaIdentity, identity, decoded));
                    rows.remove(layer);
                }
            }
        }
        return out;
    }
}
