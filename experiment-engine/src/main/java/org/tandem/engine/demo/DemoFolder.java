package org.tandem.engine.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * The folder the demo writes into. The demo marks it with a README.txt whose first line says so, and recognises a
 * folder it wrote by that line: there it rewrites its stimuli and report on every run, so {@code tandem demo} can be run
 * again and again. Any other folder gets the rule of every --out: nothing is overwritten without --force.
 */
public final class DemoFolder {
    public static final String README = "README.txt";
    static final String FIRST_LINE = "This folder was written by `tandem demo`.";
    private static final List<String> TEXT = List.of(FIRST_LINE,
            "Running the demo again rewrites what it wrote here; the sessions themselves are kept in the database.",
            "",
            "stimuli/PROTOCOL/  every image the protocol shows, manifest.csv naming each, sheet.png to look at them",
            "layers/            layers.html, .csv, .json: each network read out layer by layer (see docs/READOUT.md)",
            "inside/            units.html, rsa.html (and .json): selective units and RDMs (see docs/ANALYSIS.md)",
            "looks/             explain.html: where the expression network looks (Grad-CAM), maps/ per network",
            "report/            report.html (open it in a browser), results.json and the CSVs (see docs/ANALYSIS.md)");

    private final Path dir;

    public DemoFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path stimuli(String protocol) {
        return dir.resolve("stimuli").resolve(protocol);
    }

    public Path layers() {
        return dir.resolve("layers");
    }

    public Path inside() {
        return dir.resolve("inside");
    }

    /** Where the demo's class-activation maps go (tandem explain's files). */
    public Path looks() {
        return dir.resolve("looks");
    }

    public Path report() {
        return dir.resolve("report");
    }

    public Path readme() {
        return dir.resolve(README);
    }

    /** Whether an earlier demo wrote this folder (its README.txt starts with the demo's line). */
    public boolean writtenByDemo() {
        try (var lines = Files.lines(readme(), StandardCharsets.UTF_8)) {
            return lines.findFirst().filter(FIRST_LINE::equals).isPresent();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // no README.txt, or one the demo did not write
        }
    }

    /** Marks the folder as the demo's, before anything else is written into it. */
    public void claim() {
        try {
            Files.createDirectories(dir);
            Files.write(readme(), TEXT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TandemException("cannot write " + readme() + " (" + e.getMessage() + "); give an --out folder"
                    + " you can write to");
        }
    }
}
