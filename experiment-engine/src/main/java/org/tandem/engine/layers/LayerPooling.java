package org.tandem.engine.layers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** How a layer becomes a row of features for a readout. */
public enum LayerPooling {
    /** A convolutional map's channel means (global average pooling); other layers as they are. */
    MEAN("channel means"),
    /** Every unit of the layer. */
    NONE("every unit");

    private final String description;

    LayerPooling(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LayerPooling parse(String text) {
        return Arrays.stream(values()).filter(p -> p.label().equals(text)).findFirst()
                .orElseThrow(() -> new TandemException("--pool '" + text + "' is not known; use "
                        + Arrays.stream(values()).map(LayerPooling::label).collect(Collectors.joining(" or "))));
    }
}
