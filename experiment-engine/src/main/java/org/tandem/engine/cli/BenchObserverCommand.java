package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.tandem.engine.bench.BenchMachine;
import org.tandem.engine.bench.BenchNetworks;
import org.tandem.engine.bench.FaceApiPeer;
import org.tandem.engine.bench.FaceApiTimes;
import org.tandem.engine.bench.ObserverBench;
import org.tandem.engine.bench.ObserverBenchReport;
import org.tandem.engine.bench.ObserverBenchSettings;
import org.tandem.engine.bench.ObserverTiming;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "observer", mixinStandardHelpOptions = true,
        description = {"Time the networks (face-api's and human-models'): load, and milliseconds per",
                "face at each batch size and thread count, with the GFLOP/s achieved against",
                "an estimate of the machine's peak; beside face-api in Node with --faceapi-node",
                "or --faceapi.",
                "%nA load verifies the model cache, reads the weights and builds the network.",
                "The inputs are built-in synthetic face crops, so each network's preprocessing",
                "is timed too. Thread counts other than this JVM's run in a separate JVM,",
                "because PyTorch fixes its thread count when it starts. Other work on the",
                "machine slows the figures: measure on a quiet one, or compare within one run."})
final class BenchObserverCommand implements Runnable {
    @Option(names = "--networks", split = ",", paramLabel = "NAME",
            description = "Networks to time, comma-separated (default: all of expression, recognition, agegender,"
                    + " landmarks, human:emotion, human:mobilefacenet, human:mobileface, human:faceres, human:gear,"
                    + " human:centernet).")
    List<String> networks;

    @Option(names = "--batches", split = ",", defaultValue = "1,16", paramLabel = "N",
            description = "Batch sizes, comma-separated (default: 1,16).")
    List<Integer> batches;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = {"Intra-op thread counts (PyTorch's, which ONNX",
                    "Runtime follows), comma-separated (default:", "1,2)."})
    List<Integer> threads;

    @Option(names = "--repeats", defaultValue = "20", paramLabel = "N",
            description = "Timed runs behind each figure (default: 20).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N",
            description = "Untimed runs before the timed ones (default: 3).")
    int warmup;

    @Option(names = "--faceapi-node", paramLabel = "DIR",
            description = {"Also time face-api 1.7.15 in Node (tfjs wasm,",
                    "one thread) from DIR: benchmarks/faceapi after",
                    "npm ci there; its runs alternate with Tandem's."})
    Path faceApiNode;

    @Option(names = "--faceapi", paramLabel = "FILE",
            description = {"face-api's times as benchmarks/faceapi/",
                    "time_faceapi.js printed them on this machine,",
                    "set beside the 1-thread rows."})
    Path faceApiFile;

    @ArgGroup(exclusive = true)
    BenchFormat format = new BenchFormat();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (faceApiNode != null && faceApiFile != null) {
            throw new TandemException("--faceapi-node measures face-api, --faceapi reads its times: give one");
        }
        ObserverBenchSettings settings = new ObserverBenchSettings(networks(), batches, threads, repeats, warmup);
        FaceApiTimes fromFile = faceApiFile == null ? null : FaceApiTimes.read(faceApiFile);
        BenchMachine machine = BenchMachine.current();
        List<ObserverTiming> results;
        ObserverBenchReport.FaceApiSource faceApi = null;
        try (FaceApiPeer peer = faceApiNode == null ? null : ObserverBench.startFaceApi(faceApiNode);
             Progress progress = Progress.of("bench observer", ObserverBench.steps(settings))) {
            results = ObserverBench.run(settings, peer, progress::step);
            if (peer != null) {
                faceApi = new ObserverBenchReport.FaceApiSource("--faceapi-node " + faceApiNode,
                        "measured in the same run, in turn with Tandem (" + peer.about() + ")");
            }
        }
        if (fromFile != null) {
            results = results.stream().map(t -> t.threads() == 1 ? t.withFaceApi(fromFile) : t).toList();
            faceApi = new ObserverBenchReport.FaceApiSource("--faceapi " + faceApiFile, "read from " + fromFile.source());
        }
        ObserverBenchReport report = new ObserverBenchReport(LocalDate.now(ZoneOffset.UTC), machine, settings, results,
                faceApi);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(report::text, report::json, report::markdown));
        out.flush();
    }

    private List<String> networks() {
        return networks == null ? BenchNetworks.all() : networks;
    }
}
