package org.tandem.observer.features;

/** A network under a manipulation, known by the manipulated spec; everything else is the network's own. */
final class ManipulatedNetwork extends ForwardingNetwork {
    private final String id;
    private final String trainedFor;

    /** @param manipulation what was done, e.g. {@code weights shuffled}, added to what the network was trained for */
    ManipulatedNetwork(String id, FeatureNetwork network, String manipulation) {
        super(network);
        this.id = id;
        this.trainedFor = network.trainedFor().isEmpty() ? manipulation : network.trainedFor() + ", " + manipulation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String trainedFor() {
        return trainedFor;
    }
}
