package org.tandem.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.stimuli.library.StimulusLibrary;

/** The stimulus library of a protocol, with image folders resolved relative to the protocol file. */
final class ProtocolStimuli {
    private ProtocolStimuli() {
    }

    static StimulusLibrary library(BuiltinProtocols.Source source, Protocol protocol) {
        Path protocolFile = Path.of(source.name());
        Path protocolDir = Files.isRegularFile(protocolFile) && protocolFile.toAbsolutePath().getParent() != null
                ? protocolFile.toAbsolutePath().getParent() : Path.of(".");
        return StimulusLibrary.forProtocol(protocol, protocolDir);
    }
}
