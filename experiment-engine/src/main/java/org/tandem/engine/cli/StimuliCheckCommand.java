package org.tandem.engine.cli;

import java.nio.file.Path;
import org.tandem.stimuli.folder.FolderSetOptions;
import org.tandem.stimuli.folder.SetReport;
import org.tandem.stimuli.folder.StimulusSetChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check an image-folder stimulus set before anything runs on it.",
                "A set is a folder with manifest.csv or manifest.json, or with KDEF / RaFD file names.",
                "Every missing, unreadable, duplicate or odd-sized file is listed."})
final class StimuliCheckCommand implements Runnable {
    @Parameters(paramLabel = "SET", description = "The set's folder or its manifest file.")
    Path set;

    @Option(names = "--resize", paramLabel = "N", description = "Resize every image to N×N on load (allows mixed sizes).")
    Integer resize;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        FolderSetOptions options = resize == null ? FolderSetOptions.defaults() : FolderSetOptions.defaults().withResizeTo(resize);
        SetReport report = StimulusSetChecker.check(set, options);
        spec.commandLine().getOut().print(report.describe());
        spec.commandLine().getOut().flush();
        report.orThrow();
    }
}
