package org.tandem.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.tandem.data.MergeSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.Studies;
import org.tandem.data.TandemStore;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;
import org.tandem.protocols.TandemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The Spark job: a sweep file's cells run by Spark tasks, each part into its own store file. */
@Command(name = "tandem-spark", usageHelpWidth = 78,
        description = {"Run a sweep (the grid of 'tandem sweep') as a Spark job: the cells are split into parts,"
                + " each task runs its part's cells into its own store file, DIR/part-NNNNN.mv.db, and --merge"
                + " brings the parts into one database. Run it again after a failure to continue: completed cells"
                + " are kept, a cell cut short resumes in its part file.",
                "",
                "Example:",
                "  spark-submit --class org.tandem.spark.SparkSweep \\",
                "      --master 'local[2]' sweep-spark/target/tandem-spark.jar \\",
                "      sweep.json --out sweep-out --merge sweep.mv.db",
                ""})
public final class SparkSweep implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file (as for tandem sweep).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder of the part files; on a cluster, one every worker and the driver share.")
    Path out;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Parts the cells are split into (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit, e.g. local[2] (default: local[*]).")
    String master;

    @Option(names = "--merge", paramLabel = "TARGET.mv.db",
            description = "Merge every part file into this database at the end (tandem db merge).")
    Path merge;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The job's command line: bad input is one line on stderr and exit status 1, as for {@code tandem}. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkSweep());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("tandem-spark: " + JobFailure.describe(e));
            err.flush();
            return JobFailure.isInput(e) ? 1 : 3;
        });
        return cli;
    }

    @Override
    public Integer call() {
        if (partitions != null && partitions < 1) {
            throw new TandemException("--partitions must be at least 1, got " + partitions);
        }
        SweepGrid grid = SweepGrid.read(file);
        Studies.checkName(grid.study());
        // every protocol and cell is checked here, before Spark starts, so a typo stops the job at once
        SweepProtocols protocols = SweepProtocols.read(grid.protocols());
        grid.cells().forEach(cell -> SweepRunner.check(cell, protocols.of(cell.protocol())));
        createFolder();
        LibraryLogs.quiet();
        PrintWriter lines = spec.commandLine().getOut();
        long started = System.nanoTime();
        List<CellLine> results;
        try (JavaSparkContext spark = new JavaSparkContext(conf())) {
            int parts = partitions != null ? partitions : spark.defaultParallelism();
            List<PartWork> work = PartAssignment.of(grid, out, parts);
            lines.printf("Sweep of %d cells, study %s, in %d part files under %s%n", grid.cells().size(),
                    grid.study(), work.size(), out.toAbsolutePath());
            lines.flush();
            results = spark.parallelize(work, work.size()).map(new PartTask()).collect().stream()
                    .flatMap(List::stream).sorted(Comparator.comparingInt(CellLine::index)).toList();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        results.forEach(lines::println);
        long run = results.stream().filter(r -> !r.alreadyDone()).count();
        long trials = results.stream().mapToLong(CellLine::trialsRun).sum();
        lines.printf("Swept %d cells into %s: %d run, %d already completed; %,d trials in %.1f s (%,.0f trials/s)%n",
                results.size(), out, run, results.size() - run, trials, seconds, seconds > 0 ? trials / seconds : 0.0);
        if (merge != null) {
            merge(lines);
        }
        lines.flush();
        return 0;
    }

    private SparkConf conf() {
        // the job prints a line per cell; Spark's INFO lines stay in the logs unless asked for (--conf)
        SparkConf conf = new SparkConf().setAppName("tandem sweep " + file.getFileName())
                .setIfMissing("spark.log.level", "WARN");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return conf;
    }

    private void createFolder() {
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new TandemException("cannot create the sweep folder " + out + " (" + e.getMessage() + ")");
        }
    }

    private void merge(PrintWriter lines) {
        List<MergeSummary> merged = TandemStore.merge(StoreOptions.at(merge), PartFiles.stores(out));
        int added = merged.stream().mapToInt(MergeSummary::added).sum();
        int extended = merged.stream().mapToInt(MergeSummary::extended).sum();
        int present = merged.stream().mapToInt(MergeSummary::present).sum();
        lines.printf("Merged %d part files into %s: %d new, %d extended, %d already present%n", merged.size(), merge,
                added, extended, present);
    }
}
