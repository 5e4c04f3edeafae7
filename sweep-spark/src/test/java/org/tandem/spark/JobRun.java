package org.tandem.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the Spark job's command line in this JVM and captures what it prints. */
record JobRun(int exitCode, String out, String err) {
    static JobRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkSweep.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new JobRun(code, out.toString(), err.toString());
    }
}
