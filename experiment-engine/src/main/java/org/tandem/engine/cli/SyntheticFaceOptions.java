package org.tandem.engine.cli;

import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import picocli.CommandLine.Option;

/** Which built-in face set, at which size and seed (the seed decides who the numbered identities are). */
final class SyntheticFaceOptions {
    @Option(names = "--set", defaultValue = BuiltInFaceSets.DEFAULT, paramLabel = "NAME",
            description = "Built-in face set: varied-faces (the built-in protocols' faces) or synthetic-faces (the plain"
                    + " drawings of earlier versions) (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--size", defaultValue = "256", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the identities; the built-in protocols use ${DEFAULT-VALUE} (default: ${DEFAULT-VALUE}).")
    long seed;

    FaceSet faces() {
        return BuiltInFaceSets.open(set, size, seed);
    }
}
