package org.tandem.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.psychometric.FitBenchmark;
import org.tandem.protocols.TandemException;

/**
 * python-psignifit's wall times per benchmark data set as benchmarks/psignifit/time_psignifit.py writes them
 * ({@code {"datasets": {NAME: {"median_s": S, ...}}, ...}}), so {@code tandem bench fit --method bayes} can put Tandem's
 * time next to psignifit's measured on the same machine in the same run.
 */
record PsignifitTimes(Path file, JsonNode datasets) {

    static PsignifitTimes read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new TandemException(file + ": no such file (write it with python3 benchmarks/psignifit/"
                    + "time_psignifit.py PSIGNIFIT_CHECKOUT > " + file + ")");
        } catch (IOException e) {
            throw new TandemException(file + ": not JSON as time_psignifit.py writes it (" + firstLine(e) + ")");
        }
        if (root == null || !root.path("datasets").isObject()) {
            throw new TandemException(file + ": no \"datasets\" object; write the file with"
                    + " benchmarks/psignifit/time_psignifit.py");
        }
        return new PsignifitTimes(file, root.get("datasets"));
    }

    /** The data sets with psignifit's measured median; every set must have been timed. */
    List<FitBenchmark.Dataset> applyTo(List<FitBenchmark.Dataset> sets) {
        List<FitBenchmark.Dataset> timed = new ArrayList<>();
        for (FitBenchmark.Dataset d : sets) {
            JsonNode median = datasets.path(d.name()).path("median_s");
            if (!median.isNumber() || !(median.asDouble() > 0)) {
                throw new TandemException(file + ": datasets." + d.name() + ".median_s is missing or not a positive"
                        + " number of seconds; time every data set with benchmarks/psignifit/time_psignifit.py");
            }
            timed.add(d.withPsignifitSeconds(median.asDouble()));
        }
        return timed;
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
