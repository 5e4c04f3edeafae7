package org.tandem.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the stimulus subcommands. */
@Command(name = "stimuli", mixinStandardHelpOptions = true,
        description = {"Make, transform and check stimulus sets, and find the faces in photographs.",
                "Every command that writes images also writes manifest.csv (so the folder is a stimulus set) and sheet.png."},
        subcommands = {StimuliSynthCommand.class, StimuliContinuumCommand.class, StimuliTransformCommand.class,
                StimuliCheckCommand.class, StimuliDetectCommand.class, StimuliAlignCommand.class,
                StimuliMorphCommand.class})
final class StimuliCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
