package org.tandem.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print the trial plan of a protocol for a seed.",
                "The same protocol, variant and seed give the same plan, byte for byte, on every machine."})
final class ProtocolPlanCommand implements Runnable {
    @Parameters(paramLabel = "FILE|NAME", description = "A protocol JSON file or a built-in protocol name.")
    String protocolRef;

    @Option(names = "--seed", required = true, description = "Seed of the trial order.")
    long seed;

    @Option(names = "--variant", description = "A variant the protocol declares (e.g. networks).")
    String variant;

    @Option(names = "--json", description = "Print the plan as canonical JSON (the form stored with sessions).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolRef);
        TrialPlan plan = source.plan(ProtocolStimuli.read(source), variant, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                plan.writeJson(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        out.printf("%s%s, seed %d: %d trials, plan sha256 %s%n", plan.protocol(),
                variant == null ? "" : " (variant " + variant + ")", seed, plan.size(), plan.sha256());
        out.printf("%5s  %-9s %-40s %-10s %s%n", "#", "BLOCK", "LEVELS", "CORRECT", "STIMULI");
        for (Trial trial : plan.trials()) {
            if (trial.breakBefore()) {
                out.println("       -- break --");
            }
            String levels = trial.levels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            String stimuli = trial.stimuli().stream().map(s -> s.stimulus().id()).collect(Collectors.joining("  "));
            out.printf("%5d  %-9s %-40s %-10s %s%n", trial.index(), trial.block(), levels,
                    trial.correctAnswer() == null ? "-" : trial.correctAnswer(), stimuli);
        }
    }
}
