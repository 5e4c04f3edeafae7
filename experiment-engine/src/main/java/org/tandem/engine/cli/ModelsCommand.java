package org.tandem.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the model-cache subcommands. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Download and inspect the network weights (cached under $TANDEM_HOME/models or ~/.cache/tandem/models)."},
        subcommands = {ModelsFetchCommand.class, ModelsListCommand.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
