package org.tandem.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.units.Selectivity;
import org.tandem.analysis.units.UnitsStudy;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.units.LayerSelectivity;
import org.tandem.engine.units.UnitSurvey;
import org.tandem.observer.readout.PopulationDecoding;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "units", mixinStandardHelpOptions = true,
        description = {"Find the expression- and identity-selective units of networks' layers (Zhou et al.).",
                "%nEach unit's responses to an identity × expression set (one image per cell) get a two-way ANOVA",
                "without replication; expression-selective = expression p ≤ alpha and identity p > alpha,",
                "identity-selective by the mirror rule; each unit's tuning value per expression and its",
                "preferred expression. Prints the share of each kind per layer and writes units-summary.csv",
                "(with the expressions the selective units prefer), and units.csv (every unit's F, p and",
                "tuning) with --per-unit, and units.html (shares by layer and tuning maps) with units.json, which",
                "tandem analyze --units adds to a report. See docs/ANALYSIS.md."})
final class UnitsCommand implements Runnable {
    static final String SUMMARY = "units-summary.csv";
    static final String PER_UNIT = "units.csv";

    @Mixin
    NetworkLayersOptions inside;

    @Option(names = "--alpha", defaultValue = "0.01", paramLabel = "P",
            description = "Significance level of the expression effect (default: ${DEFAULT-VALUE}, Zhou et al.'s).")
    double alphaExpression;

    @Option(names = "--alpha-identity", defaultValue = "0.01", paramLabel = "P",
            description = "Significance level of the identity effect (default: ${DEFAULT-VALUE}).")
    double alphaIdentity;

    @Option(names = "--no-decode", description = "Skip decoding expression from each layer's units (PCA + linear SVM,"
            + " leave one identity out, as Zhou et al.).")
    boolean noDecode;

    @Option(names = "--components", defaultValue = "600", paramLabel = "K",
            description = "Principal components the decoding keeps at most (default: ${DEFAULT-VALUE}, Zhou et al.'s;"
                    + " never more than the training images less one).")
    int components;

    @Option(names = "--shuffles", defaultValue = "10", paramLabel = "N",
            description = "Label-shuffled decodings for the baseline (default: ${DEFAULT-VALUE}).")
    int shuffles;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the shuffles, the random units and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-unit", description = "Also write units.csv: every unit's F and p of both effects.")
    boolean perUnit;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (!(alphaExpression > 0 && alphaExpression < 1 && alphaIdentity > 0 && alphaIdentity < 1)) {
            throw new TandemException("--alpha and --alpha-identity must lie between 0 and 1");
        }
        LayerPooling pooling = inside.pooling();
        Map<String, String> controls = inside.networks();
        List<String> networks = List.copyOf(controls.keySet());
        List<Path> files = new java.util.ArrayList<>(List.of(out.resolve(SUMMARY), out.resolve(PER_UNIT)));
        ReportFiles.UNIT_FILES.forEach(f -> files.add(out.resolve(f)));
        overwrite.check(out, files);
        TrainingImages images = inside.images();
        List<LayerSelectivity> found;
        try (LayerBars bars = new LayerBars()) {
            found = UnitSurvey.run(networks, inside.layers, images, pooling, alphaExpression, alphaIdentity, decoding(),
                    bars::imagesRead);
        }
        write(found);
        UnitsStudy study = new UnitsStudy(images.name(), images.images().size(), identities(found),
                inside.poolingLabel(), alphaExpression,
                alphaIdentity, found.stream().map(l -> l.toReport(controlOf(controls, l.network()), alphaExpression,
                alphaIdentity)).toList());
        ReportFiles.writeUnits(study, out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        print(found, images);
    }

    private PopulationDecoding.Options decoding() {
        if (noDecode) {
            return null;
        }
        try {
            return new PopulationDecoding.Options(components, PopulationDecoding.DEFAULT_C, shuffles,
                    PopulationDecoding.DEFAULT_BOOTSTRAP, seed);
        } catch (IllegalArgumentException e) {
            throw new TandemException("--components and --shuffles: " + e.getMessage());
        }
    }

    private static String controlOf(Map<String, String> controls, String network) {
        return controls.get(network);
    }

    private static int identities(List<LayerSelectivity> found) {
        return found.isEmpty() ? 0 : found.get(0).anova().identities();
    }

    private void write(List<LayerSelectivity> found) {
        List<String> expressions = found.isEmpty() ? List.of() : found.get(0).expressions();
        StringBuilder summary = new StringBuilder("network,trained_for,layer,units,expression_selective,"
                + "identity_selective,both,neither,constant,expression_share,identity_share"
                + expressions.stream().map(e -> ",prefer_" + e).reduce("", String::concat) + "\n");
        for (LayerSelectivity l : found) {
            summary.append(String.join(",", csv(l.network()), csv(l.trainedFor()), csv(l.layer()),
                    Integer.toString(l.units()), count(l, Selectivity.EXPRESSION), count(l, Selectivity.IDENTITY),
                    count(l, Selectivity.BOTH), count(l, Selectivity.NEITHER), count(l, Selectivity.CONSTANT),
                    Double.toString(l.share(Selectivity.EXPRESSION)), Double.toString(l.share(Selectivity.IDENTITY))));
            for (int preferring : l.preferredBySelective()) {
                summary.append(',').append(preferring);
            }
            summary.append('\n');
        }
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(SUMMARY), summary);
            if (perUnit) {
                try (var w = Files.newBufferedWriter(out.resolve(PER_UNIT))) {
                    w.write("network,layer,unit,f_identity,p_identity,f_expression,p_expression,selectivity,preferred"
                            + expressions.stream().map(e -> ",tuning_" + e).reduce("", String::concat) + "\n");
                    for (LayerSelectivity l : found) {
                        var a = l.anova();
                        for (int u = 0; u < a.units(); u++) {
                            w.write(csv(l.network()) + "," + csv(l.layer()) + "," + u + "," + number(a.fIdentity()[u])
                                    + "," + number(a.pIdentity()[u]) + "," + number(a.fExpression()[u]) + ","
                                    + number(a.pExpression()[u]) + "," + Selectivity.of(a, u, alphaExpression,
                                    alphaIdentity).label() + "," + preferred(l, u));
                            for (double t : l.tuning().values()[u]) {
                                w.write("," + number(t));
                            }
                            w.write("\n");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new TandemException("cannot write into " + out + ": " + e.getMessage() + "; give an --out folder"
                    + " you can write to");
        }
    }

    private void print(List<LayerSelectivity> found, TrainingImages images) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Selective units: two-way ANOVA per unit over %d images of %s (alpha %s expression, %s"
                + " identity)%n", images.images().size(), images.name(), alphaExpression, alphaIdentity);
        String current = null;
        for (LayerSelectivity l : found) {
            if (!l.network().equals(current)) {
                current = l.network();
                w.println(current + (l.trainedFor().isEmpty() ? "" : " (" + l.trainedFor() + ")"));
                w.printf(Locale.ROOT, "  %-40s %9s %12s %12s %8s %9s%n", "layer", "units", "expression",
                        "identity", "both", "constant");
            }
            w.printf(Locale.ROOT, "  %-40s %9d %11.2f%% %11.2f%% %7.2f%% %9d%n", shortened(l.layer()), l.units(),
                    100 * l.share(Selectivity.EXPRESSION), 100 * l.share(Selectivity.IDENTITY),
                    100 * l.share(Selectivity.BOTH), l.counts().get(Selectivity.CONSTANT));
        }
        w.println("Wrote " + out.resolve(ReportFiles.UNIT_FILES.get(0)) + ", units.json, " + SUMMARY
                + (perUnit ? " and " + PER_UNIT : ""));
        w.flush();
    }

    private static String preferred(LayerSelectivity l, int unit) {
        int e = l.tuning().preferred()[unit];
        return e < 0 ? "" : l.expressions().get(e);
    }

    private static String count(LayerSelectivity l, Selectivity kind) {
        return Integer.toString(l.counts().get(kind));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String shortened(String layer) {
        return layer.length() <= 40 ? layer : "…" + layer.substring(layer.length() - 39);
    }
}
