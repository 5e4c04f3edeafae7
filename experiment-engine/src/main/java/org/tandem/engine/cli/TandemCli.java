package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.tandem.protocols.TandemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code tandem} command line: one entry point for every job, each with {@code --help}. */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        versionProvider = TandemVersion.class,
        description = "Runs the same psychophysics protocol on people and on deep networks, and compares them.",
        subcommands = {
                DemoCommand.class,
                ProtocolCommand.class,
                StimuliCommand.class,
                SessionsCommand.class,
                DbCommand.class,
                ExportCommand.class,
                ModelsCommand.class,
                ObserveCommand.class,
                LayersCommand.class,
                UnitsCommand.class,
                RsaCommand.class,
                ExplainCommand.class,
                SimulateCommand.class,
                SweepCommand.class,
                RunCommand.class,
                CalibrateCommand.class,
                ImportCommand.class,
                BenchCommand.class,
                FitCommand.class,
                AnalyzeCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit status:",
                "  0  done",
                "  1  a problem with the input or the data (the message says what to do)",
                "  2  a mistake in the command line",
                "  3  an internal error (rerun with --debug and report it)"})
public final class TandemCli implements Runnable {
    static final int EXIT_INPUT = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        if (debug) {
            // system properties win over simplelogger.properties: show library logs, H2's included
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.h2database", "info");
        }
        System.exit(commandLine(debug).execute(args));
    }

    /** The configured command line: one-line errors, stack traces only with {@code --debug}. */
    public static CommandLine commandLine(boolean debug) {
        CommandLine cli = new CommandLine(new TandemCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof TandemException) {
                err.println("tandem: " + e.getMessage());
            } else {
                err.println("tandem: internal error: " + e + (debug ? "" : " (rerun with --debug for the details)"));
            }
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof TandemException ? EXIT_INPUT : EXIT_INTERNAL;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("tandem: " + UsageMistake.describe(e));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return EXIT_USAGE;
        });
        return cli;
    }
}
