package org.tandem.stimuli.folder;

/**
 * Something wrong with (or worth knowing about) a stimulus set, at a file and, in a manifest, a line (1-based; 0 when
 * there is none).
 */
public record SetProblem(String file, int line, String message) {

    public static SetProblem at(String file, String message) {
        return new SetProblem(file, 0, message);
    }

    /** e.g. {@code manifest.csv line 4: level 'abc' is not a number ...} or {@code AF01HAS.JPG: cannot read ...}. */
    public String describe() {
        return file + (line > 0 ? " line " + line : "") + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
