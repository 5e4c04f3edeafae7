package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.output.StimulusFolderWriter;
import org.tandem.stimuli.synthetic.ExpressionPrototypes;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.synthetic.SyntheticFaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Draw built-in faces (--set): every identity with neutral and the six basic expressions.")
final class StimuliSynthCommand implements Runnable {
    @Option(names = "--identities", defaultValue = "24", description = "How many identities (default: ${DEFAULT-VALUE}).")
    int identities;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--average", description = "Also draw the 'average' identity used by the morph protocols.")
    boolean average;

    @Mixin
    SyntheticFaceOptions options;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (identities < 1 || identities > 999) {
            throw new TandemException("--identities must be 1..999, got " + identities);
        }
        FaceSet faces = options.faces();
        List<String> names = new ArrayList<>(SyntheticFaces.identityNames(identities));
        if (average) {
            names.add(0, SyntheticFaces.AVERAGE_IDENTITY);
        }
        List<StimulusEntry> entries = new ArrayList<>();
        for (String identity : names) {
            for (String expression : ExpressionPrototypes.NAMES) {
                StimulusRef ref = StimulusRef.prototype(faces.name(), identity, expression);
                entries.add(new StimulusEntry(identity + "_" + expression + ".png", ref,
                        FaceBoxColumns.of(faces.faceCrop(ref))));
            }
        }
        overwrite.check(out, StimulusFolderOutput.files(out, entries));
        List<StimulusFolderWriter.Output> outputs = StimulusFolderOutput.draw("Drawing faces", entries, faces::render);
        StimulusFolderWriter.Written written = StimulusFolderWriter.write(out, outputs, ExpressionPrototypes.NAMES.size());
        spec.commandLine().getOut().printf("Wrote %d faces (%d identities × %d expressions, %d px) to %s%n"
                        + "Manifest: %s%nContact sheet: %s%n", written.images(), names.size(), ExpressionPrototypes.NAMES.size(),
                options.size, out, written.manifest(), written.sheet());
    }
}
