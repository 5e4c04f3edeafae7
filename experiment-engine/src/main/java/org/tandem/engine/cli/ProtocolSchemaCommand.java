package org.tandem.engine.cli;

import org.tandem.protocols.ProtocolReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of protocol files (tandem-protocol/1), e.g. for an editor's validation.")
final class ProtocolSchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(ProtocolReader.schemaText());
        spec.commandLine().getOut().flush();
    }
}
