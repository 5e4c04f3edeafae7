package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.output.StimulusFolderWriter;
import org.tandem.stimuli.synthetic.ExpressionPrototypes;
import org.tandem.stimuli.synthetic.FaceSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "continuum", mixinStandardHelpOptions = true,
        description = {"Draw a morph continuum between two expressions of one synthetic identity, in equal steps.",
                "Level 0 %% is the --from expression, 100 %% the --to expression."})
final class StimuliContinuumCommand implements Runnable {
    @Option(names = "--from", required = true, description = "Expression at 0 %% (one of: ${COMPLETION-CANDIDATES}).",
            completionCandidates = Expressions.class)
    String from;

    @Option(names = "--to", required = true, description = "Expression at 100 %%.", completionCandidates = Expressions.class)
    String to;

    @Option(names = "--levels", defaultValue = "21", description = "Number of levels, ends included (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--identity", defaultValue = "average", description = "Identity: 01, 02, … or average (default: ${DEFAULT-VALUE}).")
    String identity;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    SyntheticFaceOptions options;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    /** The expression names, for --help. */
    static final class Expressions extends ArrayList<String> {
        Expressions() {
            super(ExpressionPrototypes.NAMES);
        }
    }

    @Override
    public void run() {
        ContinuumLevels.check(levels);
        ExpressionPrototypes.of(from);
        ExpressionPrototypes.of(to);
        if (identity.matches("\\d+")) {
            identity = String.format("%02d", Integer.parseInt(identity));
        }
        FaceSet faces = options.faces();
        String continuum = from + "-" + to;
        List<StimulusEntry> entries = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            String level = ContinuumLevels.percent(i, levels);
            StimulusRef ref = StimulusRef.morph(faces.name(), identity, continuum, level);
            entries.add(new StimulusEntry(String.format("%s_%s_%03d.png", identity, continuum, i), ref,
                    FaceBoxColumns.of(faces.faceCrop(ref))));
        }
        overwrite.check(out, StimulusFolderOutput.files(out, entries));
        List<StimulusFolderWriter.Output> outputs = StimulusFolderOutput.draw("Drawing " + continuum, entries,
                faces::render);
        StimulusFolderWriter.Written written = StimulusFolderWriter.write(out, outputs, Math.min(levels, 11));
        spec.commandLine().getOut().printf("Wrote %d levels of %s for identity %s to %s%nManifest: %s%nContact sheet: %s%n",
                written.images(), continuum, identity, out, written.manifest(), written.sheet());
    }
}
