package org.tandem.engine.cli;

import java.io.PrintWriter;
import org.tandem.observer.store.CachedModelSet;
import org.tandem.observer.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Download the face-api weights (npm package @vladmandic/face-api 1.7.15), check the pinned sha512",
                "and cache them. Does nothing when a verified copy is already cached, unless --force."})
final class ModelsFetchCommand implements Runnable {
    @Option(names = "--force", description = "Download again even when the cache verifies.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ModelStore store = ModelStore.faceApi();
        store.fetch(force);
        CachedModelSet status = store.status();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d files, %.1f MB, verified, in %s%n", status.name(), status.files().size(),
                status.totalBytes() / 1e6, status.folder());
        out.flush();
    }
}
