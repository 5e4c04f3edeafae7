package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.rsa.RsaStudy;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.rsa.RsaSurvey;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rsa", mixinStandardHelpOptions = true,
        description = {"Compute representational dissimilarity matrices (RDMs) of networks' layers.",
                "%nFor an identity × expression set, each layer's RDM of the expressions' mean patterns, and its",
                "RDM over single images tested against the 'same expression' and 'same identity' model RDMs",
                "(Kendall's τ_a, permutation p). Writes rsa.html and rsa.json; tandem analyze --rsa compares the",
                "expression RDMs with people's confusion RDMs (Spearman ρ, noise ceiling). See docs/ANALYSIS.md."})
final class RsaCommand implements Runnable {

    @Mixin
    NetworkLayersOptions inside;

    @Option(names = "--distance", defaultValue = "correlation", paramLabel = "correlation|euclidean",
            description = "Dissimilarity: 1 − Pearson r, or Euclidean distance (default: ${DEFAULT-VALUE}).")
    String distance;

    @Option(names = "--permutations", defaultValue = "1000", paramLabel = "N",
            description = "Relabellings of the images per model test (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the relabellings (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (permutations < 1) {
            throw new TandemException("--permutations must be at least 1, got " + permutations);
        }
        RsaSurvey.Distance d = switch (distance) {
            case "correlation" -> RsaSurvey.Distance.CORRELATION;
            case "euclidean" -> RsaSurvey.Distance.EUCLIDEAN;
            default -> throw new TandemException("--distance '" + distance + "' is not correlation or euclidean");
        };
        LayerPooling pooling = inside.pooling();
        Map<String, String> networks = inside.networks();
        overwrite.check(out, ReportFiles.RSA_FILES.stream().map(out::resolve).toList());
        TrainingImages images = inside.images();
        List<LayerRdms> found;
        try (LayerBars bars = new LayerBars()) {
            found = RsaSurvey.run(networks, inside.layers, images, pooling, d, permutations, seed, bars::imagesRead);
        }
        RsaStudy study = new RsaStudy(images.name(), images.images().size(), d.label(),
                inside.poolingLabel(), permutations, seed,
                found);
        ReportFiles.writeRsa(study, out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        print(study);
    }

    private void print(RsaStudy study) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "RDMs over %d images of %s (%s); image RDM against the model RDMs, Kendall τ_a (p)%n",
                study.images(), study.set(), study.distance());
        String current = null;
        for (LayerRdms l : study.layers()) {
            if (!l.network().equals(current)) {
                current = l.network();
                w.println(current + (l.trainedFor().isEmpty() ? "" : " (" + l.trainedFor() + ")"));
            }
            List<String> fits = new ArrayList<>();
            l.models().forEach(f -> fits.add(String.format(Locale.ROOT, "%s %.3f (p %.3f)", f.model(), f.tauA(), f.p())));
            w.printf(Locale.ROOT, "  %-40s %s%n", l.layer().length() <= 40 ? l.layer()
                    : "…" + l.layer().substring(l.layer().length() - 39), String.join("   ", fits));
        }
        w.println("Wrote " + out.resolve(ReportFiles.RSA_FILES.get(0)) + " and rsa.json");
        w.flush();
    }
}
