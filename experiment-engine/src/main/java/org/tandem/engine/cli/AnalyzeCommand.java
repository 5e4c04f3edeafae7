package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.reference.ReferenceGroup;
import org.tandem.analysis.reference.ReferenceGroupFile;
import org.tandem.analysis.report.Report;
import org.tandem.analysis.report.ReportBuilder;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.report.ReportInput;
import org.tandem.analysis.report.RsaAnalysis;
import org.tandem.data.SessionFilter;
import org.tandem.data.TandemStore;
import org.tandem.engine.report.StoredReportInput;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse the stored sessions and write a report comparing people and networks.",
                "%nIt writes report.html (self-contained, plots inline, opens offline), results.json (every number,"
                        + " identical for the same database and seed), fits.csv, comparisons.csv and one"
                        + " confusion_OBSERVER.csv per observer of a classification task. Per protocol: psychometric"
                        + " fits and PSE comparison (two-afc), confusion matrices, error patterns and error"
                        + " consistency (classification), ABX accuracy against identification (abx). Published"
                        + " groups of people (--reference) are compared with every network; layer-by-layer comparisons"
                        + " of networks (--layers, from tandem layers) are shown at the end."
                        + " See docs/ANALYSIS.md."})
final class AnalyzeCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--study", paramLabel = "NAME", description = "Only this study's sessions (default: all studies).")
    String study;

    @Option(names = "--include-pilots",
            description = "Analyse pilot runs of the station (tandem run --pilot) too; they are left out by default.")
    boolean includePilots;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the report into.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of every bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", defaultValue = "" + FitOptions.DEFAULT_BOOTSTRAP, paramLabel = "N",
            description = "Parametric bootstrap samples per psychometric fit, 0 for no intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--reference", paramLabel = "SUMMARY.json",
            description = "Published summaries of groups of people (a PSE with SD or SEM and n, and/or a confusion"
                    + " matrix) to compare each network with; may be given more than once. See docs/IMPORT.md.")
    List<Path> references = List.of();

    @Option(names = "--layers", paramLabel = "layers.json",
            description = "A layer-by-layer comparison written by tandem layers, shown at the end of the report (its"
                    + " figure and table); may be given more than once.")
    List<Path> layers = List.of();

    @Option(names = "--units", paramLabel = "units.json",
            description = "Selective units found by tandem units, shown in the report (shares by layer, tuning maps,"
                    + " decoding); may be given more than once.")
    List<Path> units = List.of();

    @Option(names = "--rsa", paramLabel = "rsa.json",
            description = "Networks' RDMs written by tandem rsa, shown in the report and compared with people's"
                    + " confusion RDMs of each classification protocol; may be given more than once.")
    List<Path> rsa = List.of();

    @Option(names = "--explain", paramLabel = "explain.json",
            description = "Class-activation maps written by tandem explain: the shares of the maps in the eyes, nose"
                    + " and mouth, and example maps, shown in the report; may be given more than once.")
    List<Path> explain = List.of();

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (bootstrap < 0) {
            throw new TandemException("--bootstrap " + bootstrap + ": use 0 (no intervals) or more samples");
        }
        List<ReferenceGroup> groups = references.stream().flatMap(f -> ReferenceGroupFile.read(f).stream()).toList();
        List<org.tandem.analysis.layers.LayerSweep> sweeps = layers.stream()
                .flatMap(f -> ReportFiles.readLayers(f).stream()).toList();
        List<org.tandem.analysis.units.UnitsStudy> unitStudies = units.stream().map(ReportFiles::readUnits).toList();
        List<org.tandem.analysis.rsa.RsaStudy> rdms = rsa.stream().map(ReportFiles::readRsa).toList();
        List<org.tandem.analysis.looks.LooksStudy> looks = explain.stream().map(ReportFiles::readLooks).toList();
        overwrite.check(out, ReportFiles.existing(out));
        ReportInput input;
        try (TandemStore store = db.openForReading();
             Progress reading = Progress.of("reading sessions",
                     store.sessions(study == null ? SessionFilter.all() : SessionFilter.study(study)).size())) {
            input = StoredReportInput.load(store, study, includePilots, seed, bootstrap, reading::step)
                    .withReferences(groups);
            long pilots = store.sessions(study == null ? SessionFilter.all() : SessionFilter.study(study)).stream()
                    .filter(StoredReportInput::isPilot).count();
            if (pilots > 0 && !includePilots) {
                spec.commandLine().getOut().println("Left out " + pilots + " pilot session(s); --include-pilots"
                        + " analyses them too.");
            }
        }
        Report report;
        try (Progress analysing = Progress.of("analysing", input.protocols().size())) {
            report = ReportBuilder.build(input, analysing::step).withLayers(sweeps).withUnits(unitStudies)
                    .withLooks(looks);
            if (!rdms.isEmpty()) {
                report = report.withRsa(RsaAnalysis.of(rdms, report, input.protocols(), groups, seed));
            }
        }
        String generated = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Path> written = ReportFiles.write(report, out, generated);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Analysed " + report.observers().size() + " observer(s) in " + report.protocols().size()
                + " protocol(s); wrote " + written.size() + " files into " + out + ":");
        written.forEach(p -> w.println("  " + p.getFileName()));
        w.println("Open " + out.resolve(ReportFiles.HTML) + " in a browser.");
        w.flush();
    }
}
