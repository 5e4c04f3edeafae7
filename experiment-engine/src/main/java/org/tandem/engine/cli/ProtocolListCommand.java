package org.tandem.engine.cli;

import java.io.PrintWriter;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in protocols.")
final class ProtocolListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-37s %-15s %7s  %s%n", "NAME", "TASK", "TRIALS", "TITLE");
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            int trials = Planner.plan(protocol, 0).size();
            out.printf("%-37s %-15s %7d  %s%n", name, TaskNames.of(protocol.task()), trials, protocol.title());
            for (Protocol.Variant variant : protocol.variants()) {
                out.printf("  variant %-28s %-15s %7d  %s%n", variant.name(), "",
                        Planner.plan(protocol, variant.name(), 0).size(), variant.description());
            }
        }
        out.println();
        out.println("Show one in full: tandem protocol plan NAME --seed 1   Write your own: tandem protocol schema");
    }
}
