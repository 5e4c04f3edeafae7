package org.tandem.spark;

import org.apache.spark.SparkException;
import org.tandem.protocols.TandemException;

/**
 * The one line a failed job prints. A task's failure reaches the driver wrapped in Spark's exception (whose message
 * holds the task's whole stack trace); the line names the cause the task met instead, and says that a rerun continues.
 */
final class JobFailure {
    private JobFailure() {
    }

    static String describe(Throwable e) {
        Throwable input = inputCause(e);
        String cause = input != null ? input.getMessage() : root(e).toString();
        if (e instanceof SparkException) {
            return "a Spark task failed: " + firstLine(cause) + "; run the job again to continue (completed cells are"
                    + " kept, a cell cut short resumes)";
        }
        return input != null ? cause : "internal error: " + firstLine(cause);
    }

    /** Bad input or data (exit status 1) rather than a fault (3). */
    static boolean isInput(Throwable e) {
        return inputCause(e) != null;
    }

    private static Throwable inputCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TandemException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
