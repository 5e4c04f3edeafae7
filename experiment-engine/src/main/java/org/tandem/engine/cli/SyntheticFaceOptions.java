package org.tandem.engine.cli;

import org.tandem.stimuli.synthetic.SyntheticFaces;
import picocli.CommandLine.Option;

/** Size and seed of the built-in synthetic faces (the seed decides who the numbered identities are). */
final class SyntheticFaceOptions {
    @Option(names = "--size", defaultValue = "256", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the identities; the built-in protocols use ${DEFAULT-VALUE} (default: ${DEFAULT-VALUE}).")
    long seed;

    SyntheticFaces faces() {
        return new SyntheticFaces(size, seed);
    }
}
