package org.tandem.engine.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The output forms every benchmark report offers: a table (default), JSON, or a Markdown section for the docs. */
final class BenchFormat {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--markdown", description = "Print a Markdown section for docs/BENCHMARKS.md.")
    boolean markdown;

    String render(Supplier<String> text, Supplier<String> jsonForm, Supplier<String> markdownForm) {
        return json ? jsonForm.get() : markdown ? markdownForm.get() : text.get();
    }
}
