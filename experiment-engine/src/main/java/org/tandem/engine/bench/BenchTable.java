package org.tandem.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark table, written either as aligned plain text for a terminal or as a Markdown table for the docs. */
public final class BenchTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public BenchTable(String... header) {
        this.header = List.of(header);
    }

    public BenchTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the header " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Milliseconds with about three significant digits: 0.812, 3.21, 45.2, 312. */
    public static String millis(double ms) {
        // thresholds just below 10 and 100, so that 9.996 reads 10.0 rather than 10.00
        return String.format(Locale.ROOT, ms < 9.995 ? "%.2f" : ms < 99.95 ? "%.1f" : "%.0f", ms);
    }

    public String text() {
        int[] widths = new int[header.size()];
        for (List<String> line : lines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                row.append(String.format("%-" + widths[i] + "s", line.get(i))).append(i + 1 < widths.length ? "  " : "");
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(header));
        out.append("|").append("---|".repeat(header.size())).append('\n');
        rows.forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
