package org.tandem.engine.cli;

import java.io.PrintWriter;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a protocol against the schema, its limits (docs/PROTOCOLS.md), its own cross-references and"
                + " the built-in stimuli it names, and plan it once.",
                "Every problem is listed with its JSON path, line and column."})
final class ProtocolValidateCommand implements Runnable {
    @Parameters(paramLabel = "FILE|NAME", description = "A protocol JSON file or a built-in protocol name.")
    String protocolRef;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolRef);
        Protocol protocol = ProtocolStimuli.read(source);
        // planning proves the randomisation limits can be met together, not just each one alone
        int trials = source.plan(protocol, null, 0).size();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: valid %s protocol '%s' (%s), %d trials per session%n", protocolRef, protocol.format(), protocol.id(),
                TaskNames.of(protocol.task()), trials);
        for (Protocol.Variant variant : protocol.variants()) {
            out.printf("  variant '%s': %d trials%n", variant.name(), source.plan(protocol, variant.name(), 0).size());
        }
    }
}
