package org.tandem.engine.cli;

import picocli.CommandLine.Command;

/** Groups the protocol subcommands. */
@Command(name = "protocol",
        mixinStandardHelpOptions = true,
        description = "List, validate and plan protocols (built-in names or JSON files).",
        subcommands = {ProtocolListCommand.class, ProtocolValidateCommand.class, ProtocolPlanCommand.class,
                ProtocolSchemaCommand.class})
final class ProtocolCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
