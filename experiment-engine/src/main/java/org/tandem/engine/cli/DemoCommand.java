package org.tandem.engine.cli;

import java.io.PrintWriter;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the built-in study. This release validates and plans the three built-in protocols for people and for
 * networks; stimuli, network observers and the comparison report plug into the same plans.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in study: the three built-in protocols, planned for people and for networks.")
final class DemoCommand implements Runnable {
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trial orders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tandem demo: the built-in study, seed " + seed);
        out.println();
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            TrialPlan people = Planner.plan(protocol, seed);
            out.printf("  %-27s valid; %4d trials for people (plan %s…)%n", name, people.size(), people.sha256().substring(0, 12));
            for (Protocol.Variant variant : protocol.variants()) {
                TrialPlan networks = Planner.plan(protocol, variant.name(), seed);
                out.printf("  %-27s        %4d trials for variant '%s' (plan %s…)%n", "", networks.size(), variant.name(),
                        networks.sha256().substring(0, 12));
            }
        }
        out.println();
        out.println("Every plan above is what a participant at a station and a network observer will answer, trial for trial.");
        out.println("Still to come in the demo: the synthetic face stimuli, the face-api network observers and the");
        out.println("human-vs-network comparison report. Meanwhile: tandem protocol plan expression-2afc-happy-sad --seed 7");
    }
}
