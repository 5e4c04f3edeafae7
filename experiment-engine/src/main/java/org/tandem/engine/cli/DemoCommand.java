package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.Task;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.output.StimulusFolderWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the built-in study. This release validates and plans the three built-in protocols for people and for
 * networks and draws every stimulus they show; network observers and the comparison report plug into the same plans.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in study: the three built-in protocols, planned for people and for networks, with their stimuli.")
final class DemoCommand implements Runnable {
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trial orders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "tandem-demo", paramLabel = "DIR",
            description = "Where the demo writes what it makes (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tandem demo: the built-in study, seed " + seed);
        out.println();
        StimulusLibrary library = StimulusLibrary.builtIn();
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            TrialPlan people = Planner.plan(protocol, seed);
            out.printf("  %-27s valid; %4d trials for people (plan %s…)%n", name, people.size(), people.sha256().substring(0, 12));
            for (Protocol.Variant variant : protocol.variants()) {
                TrialPlan networks = Planner.plan(protocol, variant.name(), seed);
                out.printf("  %-27s        %4d trials for variant '%s' (plan %s…)%n", "", networks.size(), variant.name(),
                        networks.sha256().substring(0, 12));
            }
            StimulusFolderWriter.Written stimuli = writeStimuli(library, protocol, outDir.resolve("stimuli").resolve(name));
            out.printf("  %-27s        %4d stimuli drawn: %s%n", "", stimuli.images(), stimuli.sheet());
        }
        out.println();
        out.println("Every plan above is what a participant at a station and a network observer will answer, trial for trial.");
        out.println("Still to come in the demo: the face-api network observers answering these trials and the");
        out.println("human-vs-network comparison report. Meanwhile: tandem protocol plan expression-2afc-happy-sad --seed 7");
    }

    /** Every distinct image the protocol shows, people's and networks' plans together, as a stimulus folder. */
    private StimulusFolderWriter.Written writeStimuli(StimulusLibrary library, Protocol protocol, Path folder) {
        Set<StimulusRef> refs = new TreeSet<>(StimulusRef.ORDER);
        List<TrialPlan> plans = new ArrayList<>(List.of(Planner.plan(protocol, seed)));
        protocol.variants().forEach(v -> plans.add(Planner.plan(protocol, v.name(), seed)));
        for (TrialPlan plan : plans) {
            for (Trial trial : plan.trials()) {
                trial.stimuli().forEach(shown -> refs.add(shown.stimulus()));
            }
        }
        List<StimulusFolderWriter.Output> outputs = new ArrayList<>();
        try (Progress progress = Progress.of("Drawing " + protocol.id(), refs.size())) {
            for (StimulusRef ref : refs) {
                String file = ref.id().substring(ref.set().length() + 1).replace('/', '_').replace('@', '_') + ".png";
                outputs.add(new StimulusFolderWriter.Output(StimulusEntry.of(file, ref), library.image(ref)));
                progress.step();
            }
        }
        return StimulusFolderWriter.write(folder, outputs, protocol.task() instanceof Task.Classification ? 6 : 11);
    }
}
