package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tandem.data.Studies;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of network sessions in one process: every observer on every protocol with every"
                + " seed (and decision rule), each cell one stored session, as 'tandem simulate' would store it."
                + " A stopped sweep (Ctrl-C, kill -9, a full disk) continues where it was when run again: finished"
                + " cells are kept, a cell cut short resumes at its first uncommitted block. Networks' predictions"
                + " are kept in the database and reused by every later cell and sweep.",
                "",
                "Example:",
                "  tandem sweep --protocols expression-2afc-happy-sad,expression-6way \\",
                "      --observers faceapi:expression,human:emotion --seeds 1..10 \\",
                "      --parallel 2 --db sweep.mv.db",
                "A sweep file gives the same as JSON (options given here replace its fields):",
                "  {\"study\": \"sweep-1\", \"protocols\": [\"expression-6way\"],",
                "   \"observers\": [\"faceapi:expression\"], \"seeds\": \"1..10\",",
                "   \"rules\": [\"argmax\", \"sample\"], \"temperature\": 1}",
                ""})
final class SweepCommand implements Runnable {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A sweep file (JSON), optional.")
    Path file;

    @Option(names = "--protocols", split = ",", paramLabel = "P",
            description = "Protocol files or built-in names, comma-separated.")
    List<String> protocols;

    @Option(names = "--observers", split = ",", paramLabel = "SPEC",
            description = "Observer specs, comma-separated (as for tandem simulate --observer).")
    List<String> observers;

    @Option(names = "--seeds", paramLabel = "S", description = "Seeds: 1..10, 1,2,5 or a mix (default: 1).")
    String seeds;

    @Option(names = "--rules", split = ",", paramLabel = "RULE",
            description = "Decision rules, comma-separated: argmax, sample (default: argmax).")
    List<String> rules;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: 1).")
    Double temperature;

    @Option(names = "--variant", paramLabel = "V",
            description = "Protocol variant (default: 'networks' where declared).")
    String variant;

    @Option(names = "--study", paramLabel = "NAME",
            description = "Study of the sessions; a sweep's cells are found again within it (default: sweeps).")
    String study;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "Cells run at once, one CPU core each (default: 1).")
    int parallel;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SweepGrid grid = grid();
        Studies.checkName(grid.study());
        PrintWriter out = spec.commandLine().getOut();
        SweepProtocols resolved = SweepProtocols.read(grid.protocols());
        long started = System.nanoTime();
        try (TandemStore store = db.open()) {
            SweepLines lines = new SweepLines(out, grid, store.name(), (System.nanoTime() - started) / 1e9);
            List<SweepRunner.CellResult> results;
            try {
                results = new SweepRunner(store, resolved, SyntheticFaceCrops.defaults(), parallel).run(grid, lines);
            } finally {
                lines.close();
            }
            lines.summary(results);
        }
        out.flush();
    }

    private SweepGrid grid() {
        SweepGrid base = file != null ? SweepGrid.read(file) : null;
        if (base == null && (protocols == null || observers == null)) {
            throw new TandemException("give the grid: --protocols P,Q and --observers A,B (and --seeds 1..10), or a"
                    + " sweep file; see tandem sweep --help");
        }
        return new SweepGrid(
                study != null ? study : base != null ? base.study() : SweepGrid.DEFAULT_STUDY,
                protocols != null ? protocols : base.protocols(),
                observers != null ? observers.stream().map(ObserverSpec::parse).toList() : base.observers(),
                seeds != null ? SweepGrid.seeds(seeds, "--seeds") : base != null ? base.seeds() : List.of(1L),
                rules != null ? rules.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList()
                        : base != null ? base.rules() : List.of("argmax"),
                temperature != null ? temperature : base != null ? base.temperature() : 1.0,
                variant != null ? variant : base != null ? base.variant() : null);
    }
}
