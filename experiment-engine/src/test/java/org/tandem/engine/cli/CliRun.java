package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what a user would see. */
record CliRun(int exitCode, String out, String err) {
    /** The line {@code tandem simulate} prints per session: its id, then its seed. */
    static final Pattern SESSION_LINE = Pattern.compile("(?m)^(\\S+)  seed ");
    private static final Pattern ACCURACY = Pattern.compile("accuracy ([0-9.]+)");

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TandemCli.commandLine(false);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs the command line and fails the test, showing what it printed on stderr, unless it exits with 0. */
    static CliRun ok(String... args) {
        CliRun run = of(args);
        if (run.exitCode() != 0) {
            throw new AssertionError("tandem " + String.join(" ", args) + " exited with " + run.exitCode() + ": "
                    + run.err());
        }
        return run;
    }

    /** The first accuracy a simulate run printed. */
    double accuracy() {
        Matcher m = ACCURACY.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no accuracy in: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The id of the first session a simulate run printed. */
    String sessionId() {
        Matcher m = SESSION_LINE.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no session line in: " + out);
        }
        return m.group(1);
    }
}
