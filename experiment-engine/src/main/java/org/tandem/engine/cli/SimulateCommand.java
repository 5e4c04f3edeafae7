package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.Studies;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.LabServerPush;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.engine.simulate.SessionSummaryLine;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.stimuli.library.StimulusLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a protocol on a network observer and store the sessions as observer kind 'model', with the"
                + " same trials and columns as people's sessions. The expression network answers classification and"
                + " two-afc trials from its outputs, any network through a readout of a layer (readout=logistic,"
                + " logistic-ovr, svm or rbf-svm), trained on train=SET: by default identities 101-124 of the protocol's built-in face set,"
                + " or another built-in set (varied-faces, synthetic-faces), or an image folder or manifest with"
                + " identity and expression columns; labels=expression (default) or identity says what it tells apart,"
                + " cv=identity (default for expressions), image (default for identities) or a number of folds how it"
                + " is cross-validated. Any network answers ABX trials by feature distance in a layer. The plan uses"
                + " the protocol's 'networks' variant when it declares one. See docs/OBSERVERS.md and docs/READOUT.md.")
final class SimulateCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "A protocol file or built-in name.")
    String protocolName;

    @Option(names = "--observer", paramLabel = "SPEC",
            description = "Observer spec, stored as the session's observer id: a network (faceapi:NETWORK[:untrained],"
                    + " card:CARD.json or zoo:ARCH) with options"
                    + " [?seed=N&layer=L&readout=logistic|logistic-ovr|svm|rbf-svm&train=SET|PATH&labels=expression|identity"
                    + "&cv=identity|image|K&distance=euclidean|cosine&noise=SD], e.g. faceapi:expression,"
                    + " faceapi:recognition?readout=logistic, faceapi:recognition?readout=rbf-svm&train=faces/manifest.csv"
                    + " or faceapi:recognition?distance=cosine&noise=0.02 (distance and noise are for ABX). A training"
                    + " folder is stored by its absolute path."
                    + " Required unless --resume, which re-opens the session's stored observer.")
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
            description = "Classification and two-afc: argmax, or sample from the softmax at --temperature with the"
                    + " session seed (default: argmax). ABX takes argmax; its decision noise is the spec's noise option.")
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

    @Mixin
    PushOptions pushing;

    @Mixin
    BackupOptions backups;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (sessions < 1) {
            throw new TandemException("--sessions must be at least 1, got " + sessions);
        }
        Studies.checkName(study);
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolName);
        Protocol protocol = source.read();
        if (observer == null && resume == null) {
            throw new TandemException("give the network observer with --observer SPEC (e.g. faceapi:expression),"
                    + " or --resume SESSION_ID to continue a stored session");
        }
        ObserverSpec observerSpec = observer == null ? null
                : ReadoutTrainingSets.withAbsoluteTrain(ObserverSpec.parse(observer));
        DecisionRule.parse(rule, temperature, seed);
        StimulusLibrary library = ProtocolStimuli.library(source, protocol);
        SyntheticFaceCrops crops = SyntheticFaceCrops.defaults();
        PrintWriter out = spec.commandLine().getOut();
        try (TandemStore store = db.open(); LabServerPush push = pushing.start(store, out)) {
            if (resume != null) {
                resume(store, protocol, library, crops, observerSpec, out);
            } else {
                start(store, source, protocol, library, crops, observerSpec, out);
            }
        }
        out.flush();
    }

    private void start(TandemStore store, BuiltinProtocols.Source source, Protocol protocol, StimulusLibrary library,
                       SyntheticFaceCrops crops, ObserverSpec observerSpec, PrintWriter out) {
        String chosenVariant = ModelSessionRunner.Request.defaultVariant(protocol, variant);
        ModelSessionRunner runner = new ModelSessionRunner(store, library, crops);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < sessions; k++) {
            var request = ModelSessionRunner.Request.of(study, source, protocol, chosenVariant, observerSpec, seed + k,
                    rule, temperature);
            try (ReadoutTrainingBar training = new ReadoutTrainingBar();
                 Progress progress = Progress.of("session " + (k + 1) + "/" + sessions, request.plan().size())) {
                ModelSessionRunner.Result result = runner.run(request, training, (t, r, done, total) -> progress.step());
                ids.add(result.sessionId());
                out.println(result.sessionId() + "  seed " + request.seed() + "  " + result.trials() + " trials  "
                        + result.decision() + "  "
                        + SessionSummaryLine.of(protocol.task(), store.trials(SessionFilter.session(result.sessionId())))
                        + "  " + result.predictions());
            }
            backups.afterCompletedSession(store, out);
        }
        out.println("Simulated " + ids.size() + " session(s) of " + protocol.id() + (chosenVariant == null ? ""
                : " (" + chosenVariant + ")") + " with " + observerSpec + " into " + store.name());
    }

    private void resume(TandemStore store, Protocol protocol, StimulusLibrary library, SyntheticFaceCrops crops,
                        ObserverSpec given, PrintWriter out) {
        SessionSummary stored = store.sessions(SessionFilter.session(resume)).stream().findFirst()
                .orElseThrow(() -> new TandemException("no session '" + resume + "' in " + store.name()
                        + "; see: tandem sessions list"));
        if (given != null && stored.observerKind() == ObserverKind.MODEL
                && !given.equals(ObserverSpec.parse(stored.observerId()))) {
            throw new TandemException("session " + resume + " was run with the observer " + stored.observerId()
                    + ", not " + given + "; leave out --observer to continue it with its own");
        }
        try (ReadoutTrainingBar training = new ReadoutTrainingBar();
             Progress progress = Progress.of("session " + resume, stored.trialsPlanned() - stored.trialsDone())) {
            ModelSessionRunner.Result result = new ModelSessionRunner(store, library, crops)
                    .resume(stored, protocol, training, (t, r, done, total) -> progress.step());
            out.println(resume + "  seed " + stored.seed() + "  " + result.trials() + " trials  " + result.decision()
                    + "  " + SessionSummaryLine.of(protocol.task(), store.trials(SessionFilter.session(resume))));
            backups.afterCompletedSession(store, out);
            out.println("Resumed session " + resume + " with " + result.observerId());
        }
    }
}
