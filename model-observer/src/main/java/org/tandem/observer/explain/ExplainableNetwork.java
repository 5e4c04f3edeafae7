package org.tandem.observer.explain;

import java.util.List;
import java.util.Optional;
import org.tandem.protocols.observer.Raster;

/**
 * A network whose class scores can be differentiated with respect to a convolutional layer's activations, by DJL's
 * automatic differentiation on the PyTorch engine: what Grad-CAM and LayerCAM need ({@link CamMethod}).
 */
public interface ExplainableNetwork {

    String id();

    /** The layers with spatial maps ([channels, rows, columns] per image), in forward order. */
    List<String> mapLayers();

    /** The layer maps are taken at when none is named: the last spatial one, as Grad-CAM does. */
    default String defaultMapLayer() {
        List<String> layers = mapLayers();
        return layers.get(layers.size() - 1);
    }

    /** The network's own class scores (its logits), where its outputs are classes. */
    Optional<ScoreHead> ownScores();

    /** Every layer the scores can be read from (map layers and later ones), in forward order. */
    List<String> layers();

    /** The crop as the network is given it, before its normalisation: [size, size, RGB] values 0..255. */
    float[] inputPixels(Raster crop);

    /** How an input of this network samples a face crop of the given size. */
    InputGeometry inputGeometry(int cropWidth, int cropHeight);

    /**
     * Runs the crops as one batch and differentiates each image's target score with respect to the layer.
     *
     * @param targets per image, the class to explain, or -1 for the class with the highest score
     * @throws org.tandem.protocols.TandemException if the layer has no spatial maps or lies after the head's layer
     */
    LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets);
}
