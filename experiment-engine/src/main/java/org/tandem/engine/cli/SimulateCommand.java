package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.data.NewSession;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionRunner;
import org.tandem.engine.simulate.SessionSummaryLine;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.ExpressionNetworkObserver;
import org.tandem.observer.decision.LabelClasses;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.library.StimulusLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a protocol on a network observer and store the sessions as observer kind 'model', with the",
                "same trials and columns as people's sessions. The network answers classification and two-afc trials;",
                "the plan uses the protocol's 'networks' variant when it declares one."})
final class SimulateCommand implements Runnable {
    static final String RULE = "decision_rule";
    static final String TEMPERATURE = "temperature";

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "A protocol file or built-in name.")
    String protocolName;

    @Option(names = "--observer", required = true, paramLabel = "SPEC",
            description = "faceapi:expression or faceapi:expression:untrained[?seed=N].")
    String observer;

    @Option(names = "--variant", paramLabel = "V",
            description = "Protocol variant (default: 'networks' when declared, else the protocol as written).")
    String variant;

    @Option(names = "--sessions", defaultValue = "1", paramLabel = "N", description = "Sessions to run (default: 1).")
    int sessions;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the first session; session k uses S+k (default: 1).")
    long seed;

    @Option(names = "--rule", defaultValue = "argmax", paramLabel = "RULE",
            description = "argmax, or sample from the softmax at --temperature with the session seed (default: argmax).")
    String rule;

    @Option(names = "--temperature", defaultValue = "1", paramLabel = "T", description = "Sampling temperature (default: 1).")
    double temperature;

    @Option(names = "--study", defaultValue = "simulations", paramLabel = "NAME",
            description = "Study the sessions belong to (default: simulations).")
    String study;

    @Option(names = "--resume", paramLabel = "SESSION_ID", description = "Continue this stored session instead.")
    String resume;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (sessions < 1) {
            throw new TandemException("--sessions must be at least 1, got " + sessions);
        }
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolName);
        Protocol protocol = source.read();
        LabelClasses.of(protocol.task());
        DecisionRule.parse(rule, temperature, seed);
        Path protocolFile = Path.of(source.name());
        Path protocolDir = Files.isRegularFile(protocolFile) && protocolFile.toAbsolutePath().getParent() != null
                ? protocolFile.toAbsolutePath().getParent() : Path.of(".");
        StimulusLibrary library = StimulusLibrary.forProtocol(protocol, protocolDir);
        SyntheticFaceCrops crops = SyntheticFaceCrops.defaults();
        PrintWriter out = spec.commandLine().getOut();
        try (TandemStore store = db.open()) {
            if (resume != null) {
                resume(store, protocol, library, crops, out);
            } else {
                start(store, source, protocol, library, crops, out);
            }
        }
        out.flush();
    }

    private void start(TandemStore store, BuiltinProtocols.Source source, Protocol protocol, StimulusLibrary library,
                       SyntheticFaceCrops crops, PrintWriter out) {
        String chosenVariant = variant != null ? variant : protocol.variant("networks").isPresent() ? "networks" : null;
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < sessions; k++) {
            long sessionSeed = seed + k;
            TrialPlan plan = Planner.plan(protocol, chosenVariant, sessionSeed);
            DecisionRule decision = DecisionRule.parse(rule, temperature, sessionSeed);
            try (ExpressionNetworkObserver net = ExpressionNetworkObserver.open(observer, protocol.task(), crops, decision);
                 Progress progress = Progress.of("session " + (k + 1) + "/" + sessions, plan.size())) {
                Map<String, String> station = new LinkedHashMap<>();
                station.put(RULE, rule);
                if (decision instanceof DecisionRule.Sample sample) {
                    station.put(TEMPERATURE, Double.toString(sample.temperature()));
                }
                NewSession session = new NewSession(study, protocol.id(), source.json(), Planner.protocolSha256(protocol),
                        ObserverKind.MODEL, net.id(), null, sessionSeed, chosenVariant, plan, station);
                String id = new SessionRunner(store, library, (t, r, done, total) -> progress.step()).start(session, net);
                ids.add(id);
                out.println(id + "  seed " + sessionSeed + "  " + plan.size() + " trials  " + decision.describe() + "  "
                        + SessionSummaryLine.of(protocol.task(), store.trials(SessionFilter.session(id))));
            }
        }
        out.println("Simulated " + ids.size() + " session(s) of " + protocol.id() + (chosenVariant == null ? ""
                : " (" + chosenVariant + ")") + " with " + observer + " into " + store.path());
    }

    private void resume(TandemStore store, Protocol protocol, StimulusLibrary library, SyntheticFaceCrops crops,
                        PrintWriter out) {
        SessionSummary stored = store.sessions(SessionFilter.session(resume)).stream().findFirst()
                .orElseThrow(() -> new TandemException("no session '" + resume + "' in " + store.path()
                        + "; see: tandem sessions list"));
        if (stored.observerKind() != ObserverKind.MODEL) {
            throw new TandemException("session " + resume + " is a human session; resume it at the testing station");
        }
        if (!stored.protocolSha256().equals(Planner.protocolSha256(protocol))) {
            throw new TandemException("session " + resume + " was run with protocol " + stored.protocolId()
                    + " as stored, not with " + protocolName + "; give the protocol it was started with");
        }
        String storedRule = stored.stationInfo().getOrDefault(RULE, "argmax");
        double storedTemperature = Double.parseDouble(stored.stationInfo().getOrDefault(TEMPERATURE, "1"));
        DecisionRule decision = DecisionRule.parse(storedRule, storedTemperature, stored.seed());
        try (ExpressionNetworkObserver net = ExpressionNetworkObserver.open(stored.observerId(), protocol.task(), crops,
                decision);
             Progress progress = Progress.of("session " + resume, stored.trialsPlanned() - stored.trialsDone())) {
            new SessionRunner(store, library, (t, r, done, total) -> progress.step()).resume(resume, net);
        }
        out.println(resume + "  seed " + stored.seed() + "  " + stored.trialsPlanned() + " trials  " + decision.describe()
                + "  " + SessionSummaryLine.of(protocol.task(), store.trials(SessionFilter.session(resume))));
        out.println("Resumed session " + resume + " with " + stored.observerId() + " (" + storedRule + ")");
    }
}
