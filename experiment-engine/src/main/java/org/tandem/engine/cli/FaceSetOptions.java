package org.tandem.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import picocli.CommandLine.Option;

/** {@code --set} or {@code --protocol}: the identity × expression images of the commands that look inside networks. */
final class FaceSetOptions {
    @Option(names = "--set", paramLabel = "SET|PATH",
            description = "The identity × expression images: a built-in set's readout identities 101-124 with six"
                    + " expressions each (varied-faces, synthetic-faces), or an image folder or manifest with identity"
                    + " and expression columns (default: varied-faces).")
    String set;

    @Option(names = "--protocol", paramLabel = "PROTOCOL",
            description = "Take the images from the face set a protocol (file or built-in name) shows: a built-in"
                    + " set's readout identities, or the protocol's image folder.")
    String protocol;

    /** Refuses, before any work, a choice given twice. */
    void check() {
        if (set != null && protocol != null) {
            throw new TandemException("give the images once: --set or --protocol, not both");
        }
    }

    TrainingImages images() {
        check();
        String chosen = set != null ? set : protocol != null ? setOf(protocol) : BuiltInFaceSets.DEFAULT;
        return ReadoutTrainingSets.allImages(new ReadoutSetup(chosen, ReadoutLabels.EXPRESSION, null));
    }

    /** A protocol's face set: its built-in set's name, or its folder resolved beside the protocol file. */
    private static String setOf(String protocolRef) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolRef);
        Protocol.StimulusSet s = source.read().taskStimulusSet();
        if (s.path() == null) {
            return s.name();
        }
        Path file = Path.of(source.name());
        Path dir = Files.isRegularFile(file) && file.toAbsolutePath().getParent() != null
                ? file.toAbsolutePath().getParent() : Path.of(".");
        return dir.resolve(s.path()).normalize().toString();
    }
}
