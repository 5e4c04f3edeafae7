package org.tandem.protocols.validation;

/**
 * One thing wrong with a protocol file, located by its JSON path and by line and column (1-based; 0 when unknown).
 */
public record Problem(String path, int line, int column, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        if (byLine != 0) {
            return byLine;
        }
        int byColumn = Integer.compare(column, other.column);
        return byColumn != 0 ? byColumn : path.compareTo(other.path);
    }

    /** e.g. {@code line 12, column 7, $.task.labels[1].key: must be a letter, digit or named key}. */
    public String describe() {
        String where = line > 0 ? "line " + line + ", column " + column + ", " : "";
        return where + oneLine(path) + ": " + oneLine(message);
    }

    /** A level or key quoted in a message may hold a line break; shown escaped, each problem stays on one line. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
