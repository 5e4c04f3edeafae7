package org.tandem.engine.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Feature rows of several layers of one network for a list of images, read in batches (one forward pass per batch where
 * the network allows) and reduced as they arrive, so that only the rows are kept: a convolutional map becomes its
 * channel means (global average pooling, the form every network's own pooled features take) or stays whole.
 */
public final class PooledLayers {
    static final int BATCH = 16;

    private PooledLayers() {
    }

    /** @param step called with the number of images done after each batch */
    public static Map<String, float[][]> read(FeatureNetwork network, List<String> layers, List<Raster> crops, LayerPooling pooling,
                                       IntConsumer step) {
        Map<String, float[][]> rows = new LinkedHashMap<>();
        layers.forEach(layer -> rows.put(layer, new float[crops.size()][]));
        for (int first = 0; first < crops.size(); first += BATCH) {
            List<Raster> batch = crops.subList(first, Math.min(first + BATCH, crops.size()));
            Map<String, LayerActivations> read = network.activations(new ArrayList<>(batch), layers);
            for (String layer : layers) {
                LayerActivations a = read.get(layer);
                for (int i = 0; i < a.count(); i++) {
                    rows.get(layer)[first + i] = pooling == LayerPooling.MEAN ? channelMeans(a, i, network.channelsLast())
                            : a.item(i);
                }
                checkSize(network, layer, rows.get(layer)[first].length, crops.size());
            }
            step.accept(batch.size());
        }
        return rows;
    }

    /** Item {@code i}'s channel means when it is a map (rank 3), else its values. */
    static float[] channelMeans(LayerActivations a, int i, boolean channelsLast) {
        long[] shape = a.itemShape();
        if (shape.length != 3) {
            return a.item(i);
        }
        int channels = (int) (channelsLast ? shape[2] : shape[0]);
        int positions = a.itemSize() / channels;
        int base = i * a.itemSize();
        double[] sums = new double[channels];
        float[] data = a.data();
        for (int k = 0; k < a.itemSize(); k++) {
            int channel = channelsLast ? k % channels : k / positions;
            sums[channel] += data[base + k];
        }
        float[] means = new float[channels];
        for (int c = 0; c < channels; c++) {
            means[c] = (float) (sums[c] / positions);
        }
        return means;
    }

    /** A readout holds the rows as doubles: refuse, in one line, rows the heap could not hold a few times over. */
    private static void checkSize(FeatureNetwork network, String layer, int features, int images) {
        long bytes = (long) features * images * Double.BYTES * 4;
        if (bytes > Runtime.getRuntime().maxMemory()) {
            throw new TandemException(String.format(java.util.Locale.ROOT, "layer %s of %s has %d features per image;"
                    + " a readout of %d images needs about %d MB, more than this heap (%d MB) allows: use --pool mean,"
                    + " fewer layers, or more memory (TANDEM_JAVA_OPTS=-Xmx...)", layer, network.id(), features,
                    images, bytes >> 20, Runtime.getRuntime().maxMemory() >> 20));
        }
    }
}
