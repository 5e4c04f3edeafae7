package org.tandem.engine.cli;

import java.util.List;
import java.util.Map;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.observer.readout.TrainingImages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the commands that look inside networks share: the networks and their controls, the layers, the identity ×
 * expression images and whether each unit or each channel's mean is read.
 */
final class NetworkLayersOptions {
    @Option(names = "--model", required = true, split = ",", paramLabel = "SPEC",
            description = "Networks, comma-separated: faceapi:NAME, human:NAME, zoo:ARCH or card:FILE.")
    List<String> models;

    @Mixin
    TwinOptions twins;

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Layers to read (default: each network's block layers).")
    List<String> layers;

    @Mixin
    FaceSetOptions faceSet;

    @Option(names = "--pool", defaultValue = "none", paramLabel = "none|mean",
            description = "Every unit (channel × position, as the papers count them) or each channel's mean"
                    + " (default: ${DEFAULT-VALUE}).")
    String pool;

    /** Each network, then its controls, mapped to the network it is a control of (or null); checks the options first. */
    Map<String, String> networks() {
        faceSet.check();
        return twins.withTwins(models);
    }

    LayerPooling pooling() {
        return LayerPooling.parse(pool);
    }

    /** How the report names the pooling. */
    String poolingLabel() {
        return pooling() == LayerPooling.MEAN ? "channel means" : "every unit (channel × position)";
    }

    TrainingImages images() {
        return faceSet.images();
    }
}
