package org.tandem.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Option;

/**
 * {@code --force} of every command that writes into an {@code --out} folder. Without it the command refuses, before it
 * writes or computes anything, when the folder already holds a file it would write: results of an earlier run are never
 * replaced by mistake.
 */
final class OverwriteOption {
    @Option(names = "--force", description = "Overwrite files of the same names already in the --out folder.")
    boolean force;

    /**
     * @param dir   the --out folder
     * @param files the files the command is about to write, in {@code dir} or below it
     * @throws TandemException without --force, when any of them exists
     */
    void check(Path dir, Collection<Path> files) {
        if (force) {
            return;
        }
        List<Path> there = files.stream().filter(Files::exists).toList();
        if (!there.isEmpty()) {
            throw new TandemException(refusal(dir, there));
        }
    }

    /** Names one or two of the files, so the line stays one line however many there are. */
    static String refusal(Path dir, List<Path> there) {
        List<String> names = there.stream().map(p -> dir.relativize(p).toString()).toList();
        String listed = switch (names.size()) {
            case 1 -> names.get(0);
            case 2 -> names.get(0) + " and " + names.get(1);
            default -> names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more file(s)";
        };
        return dir + " already holds " + listed + "; add --force to overwrite " + (names.size() == 1 ? "it" : "them")
                + ", or give another --out";
    }
}
