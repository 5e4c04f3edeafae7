package org.tandem.engine.stimuli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.StimulusVocabulary;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * A protocol as the engine reads it, with its stimuli: the protocols module cannot see the built-in stimulus sets, so
 * the references to them are checked here, where both are visible, before anything is planned or shown.
 */
public final class ProtocolStimuli {
    /** What the built-in sets can show. */
    public static final StimulusVocabulary BUILT_IN = SyntheticFaceVocabulary.INSTANCE;

    private ProtocolStimuli() {
    }

    /**
     * Reads and validates a protocol with everything that can be known before a session: among it every reference to a
     * built-in stimulus set that can be checked without images (set names, identities, expressions; morph levels are
     * percentages for every set) and the run-length limits.
     */
    public static Protocol read(BuiltinProtocols.Source source) {
        return source.readForSession(BUILT_IN);
    }

    /**
     * The stimulus library of a protocol, with image folders resolved relative to the protocol file and their masks
     * placed from face-api's landmarks ({@link LandmarkPhotoRegions}). The protocol's references to built-in stimuli are
     * checked first, so a station never finds a missing face with a participant waiting.
     */
    public static StimulusLibrary library(BuiltinProtocols.Source source, Protocol protocol) {
        read(source);
        Path protocolFile = Path.of(source.name());
        Path protocolDir = Files.isRegularFile(protocolFile) && protocolFile.toAbsolutePath().getParent() != null
                ? protocolFile.toAbsolutePath().getParent() : Path.of(".");
        return StimulusLibrary.forProtocol(protocol, protocolDir, LandmarkPhotoRegions.PHOTOS);
    }
}
