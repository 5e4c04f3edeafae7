package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tandem.observer.store.CachedModelSet;
import org.tandem.observer.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "What is cached: every file with its size, and whether the files match their checksums.")
final class ModelsListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelStore store : List.of(ModelStore.faceApi(), ModelStore.humanModels())) {
            print(store.status(), out);
        }
        out.flush();
    }

    private static void print(CachedModelSet status, PrintWriter out) {
        if (status.files().isEmpty()) {
            out.println(status.name() + ": not downloaded (run `tandem models fetch`)");
        } else {
            out.printf("%s in %s: %s%n", status.name(), status.folder(), status.verified()
                    ? "verified" : "NOT verified (" + String.join("; ", status.problems()) + "); run `tandem models fetch`");
            for (CachedModelSet.CachedFile f : status.files()) {
                out.printf("  %-48s %,12d bytes%n", f.name(), f.bytes());
            }
            out.printf("  %-48s %,12d bytes%n", "total", status.totalBytes());
        }
    }
}
