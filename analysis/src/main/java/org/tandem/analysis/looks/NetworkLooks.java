package org.tandem.analysis.looks;

import java.util.List;

/**
 * Where one network looks: its class-activation maps' shares in each face region, by expression and over all images.
 *
 * @param controlOf  the network this one is the untrained twin of, or null
 * @param layer      the layer the maps were taken at
 * @param scores     what the class scores are: the network's own outputs, or a readout of one of its layers
 * @param target     which class each map explains: {@code predicted} or a label
 * @param areaShares each region's share of the input's pixels: what a map spread evenly would give
 * @param accuracy   the share of images whose highest score was their own expression, or null where the classes are
 *                   not expressions
 */
public record NetworkLooks(String network, String trainedFor, String controlOf, String layer, String scores,
                           String target,
                           List<ShareEstimate> areaShares, List<RegionShares> groups, Double accuracy,
                           List<MapExample> examples) {
    public NetworkLooks {
        areaShares = List.copyOf(areaShares);
        groups = List.copyOf(groups);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** The group of all images. */
    public RegionShares all() {
        return groups.stream().filter(g -> g.group().equals(RegionShares.ALL)).findFirst().orElseThrow();
    }
}
